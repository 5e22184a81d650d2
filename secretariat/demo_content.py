"""Demoinnehåll för Nationella kansliet för hållbar upphandling (Sveriges regioner).

Ren datamodul utan beroenden. Alla personer är påhittade. Alla adresser och
e-postadresser utom organisationernas officiella startsidor använder example.org.

Tider för kommande evenemang anges relativt den dag då demoinnehållet laddas
("in_days"); tider för genomförda evenemang anges som naiva lokala tider i
evenemangets tidszon.
"""

_kansliet = "Nationella kansliet för hållbar upphandling"

# ---------------------------------------------------------------------------
# Organisationer
# ---------------------------------------------------------------------------

ORGANISATIONS = [
    {
        "name": "Nationella kansliet för hållbar upphandling",
        "short_name": "",
        "url": "",
        "country": "SE",
    },
    {
        "name": "Sveriges Kommuner och Regioner",
        "short_name": "SKR",
        "url": "https://skr.se",
        "country": "SE",
    },
    {
        "name": "Organization for Security and Co-operation in Europe",
        "short_name": "OSCE",
        "url": "https://www.osce.org",
        "country": "AT",
    },
    {
        "name": "International Labour Organization",
        "short_name": "ILO",
        "url": "https://www.ilo.org",
        "country": "CH",
    },
    {
        "name": "Ethical Trading Initiative",
        "short_name": "ETI",
        "url": "https://www.ethicaltrade.org",
        "country": "GB",
    },
    {
        "name": "Council of the Baltic Sea States",
        "short_name": "CBSS",
        "url": "https://cbss.org",
        "country": "SE",
    },
    {
        "name": "Danish Institute for Human Rights",
        "short_name": "DIHR",
        "url": "https://www.humanrights.dk",
        "country": "DK",
    },
    {
        "name": "Red Interamericana de Compras Gubernamentales",
        "short_name": "RICG",
        "url": "",
        "country": "US",
    },
    {
        "name": "Upphandlingsmyndigheten",
        "short_name": "",
        "url": "https://www.upphandlingsmyndigheten.se",
        "country": "SE",
    },
    {
        "name": "Region Stockholm",
        "short_name": "",
        "url": "https://www.regionstockholm.se",
        "country": "SE",
    },
    {
        "name": "Region Skåne",
        "short_name": "",
        "url": "https://www.skane.se",
        "country": "SE",
    },
    {
        "name": "Västra Götalandsregionen",
        "short_name": "VGR",
        "url": "https://www.vgregion.se",
        "country": "SE",
    },
    {
        "name": "Region Blekinge",
        "short_name": "",
        "url": "https://regionblekinge.se",
        "country": "SE",
    },
    {
        "name": "Region Kronoberg",
        "short_name": "",
        "url": "https://www.regionkronoberg.se",
        "country": "SE",
    },
    {
        "name": "Stockholms universitet",
        "short_name": "SU",
        "url": "https://www.su.se",
        "country": "SE",
    },
    {
        "name": "Swedish Medtech",
        "short_name": "",
        "url": "https://www.swedishmedtech.se",
        "country": "SE",
    },
]

# ---------------------------------------------------------------------------
# Personer (samtliga namn är påhittade)
# ---------------------------------------------------------------------------

PEOPLE = [
    # --- Nationella kansliet (artikelförfattare) ---
    {
        "name": "Karin Lindqvist Berg",
        "title": "Nationell samordnare",
        "organisation": _kansliet,
        "bio": (
            "Karin Lindqvist Berg leder Nationella kansliet och samordnar regionernas "
            "gemensamma arbete med hållbar upphandling. Hon har tidigare varit inköpschef "
            "inom hälso- och sjukvården och har arbetat med sociala krav i leveranskedjor "
            "i drygt femton år. Karin företräder regionerna i internationella sammanhang, "
            "bland annat i OSCE:s arbete mot människohandel i leveranskedjor."
        ),
    },
    {
        "name": "Johan Ekström",
        "title": "Nationell miljösamordnare",
        "organisation": _kansliet,
        "bio": (
            "Johan Ekström ansvarar för kansliets miljösamordning, med fokus på kemikalier, "
            "klimat och cirkulära flöden i regionernas upphandlingar. Han är civilingenjör i "
            "kemiteknik och kommer närmast från miljöenheten på ett universitetssjukhus. "
            "Johan håller ihop regionernas nätverk för miljöstrateger."
        ),
    },
    {
        "name": "Sara Nyberg",
        "title": "Hållbarhetsstrateg, sociala krav och uppföljning",
        "organisation": _kansliet,
        "bio": (
            "Sara Nyberg arbetar med riskanalys och med uppföljning av uppförandekoden för "
            "leverantörer. Hon har lett revisioner och leverantörsdialoger om bland annat "
            "kirurgiska instrument, medicinska handskar och textilier. Sara har en "
            "masterexamen i mänskliga rättigheter och har tidigare arbetat med arbetsrätt "
            "i Sydasien för en ideell organisation."
        ),
    },
    {
        "name": "Amira Haddad",
        "title": "Kommunikatör",
        "organisation": _kansliet,
        "bio": (
            "Amira Haddad ansvarar för kansliets webbplats, nyhetsbrev och webbinarier. "
            "Hon har en bakgrund som reporter på en facktidning för vård och omsorg. "
            "Amira skriver helst om hur regionernas krav märks i praktiken, från "
            "fabriksgolvet till vårdavdelningen."
        ),
    },
    # --- Internationella organisationer ---
    {
        "name": "Irina Kovalenko",
        "title": "Senior Adviser, Office of the Special Representative for Combating Trafficking in Human Beings",
        "organisation": "Organization for Security and Co-operation in Europe",
        "bio": (
            "Irina Kovalenko arbetar vid OSCE:s kontor mot människohandel i Wien. Hon leder "
            "organisationens stöd till deltagande stater som vill förebygga tvångsarbete i "
            "offentliga leveranskedjor. Tidigare har hon arbetat med migrationsfrågor inom "
            "FN-systemet."
        ),
    },
    {
        "name": "Marcus Albrecht",
        "title": "Economic and Environmental Adviser",
        "organisation": "Organization for Security and Co-operation in Europe",
        "bio": (
            "Marcus Albrecht är rådgivare i ekonomiska frågor och miljöfrågor vid OSCE. Han "
            "har organiserat en rad regionala workshoppar om god förvaltning och "
            "transparens i offentlig upphandling."
        ),
    },
    {
        "name": "Aisha Rahman",
        "title": "Senior Specialist on Forced Labour",
        "organisation": "International Labour Organization",
        "bio": (
            "Aisha Rahman är specialist på tvångsarbete och rättvis rekrytering vid ILO i "
            "Genève. Hon har arbetat med migrantarbetares villkor i Sydostasien i över tio år "
            "och medverkat i flera av ILO:s vägledningar för företag."
        ),
    },
    {
        "name": "Rebecca Whitfield",
        "title": "Head of Supply Chain Programmes",
        "organisation": "Ethical Trading Initiative",
        "bio": (
            "Rebecca Whitfield leder Ethical Trading Initiatives program för leveranskedjor "
            "med höga risker, bland annat inom tillverkning av medicinska instrument. Hon "
            "har en bakgrund inom fackligt internationellt arbete i Storbritannien."
        ),
    },
    {
        "name": "Jonas Virtanen",
        "title": "Senior Adviser, Task Force against Trafficking in Human Beings",
        "organisation": "Council of the Baltic Sea States",
        "bio": (
            "Jonas Virtanen arbetar vid CBSS sekretariat i Stockholm med samarbete mot "
            "människohandel i Östersjöregionen. Han har särskilt fokuserat på exploatering "
            "av arbetskraft inom bygg, städ och jordbruk."
        ),
    },
    {
        "name": "Line Bech Thomsen",
        "title": "Adviser, Human Rights and Business",
        "organisation": "Danish Institute for Human Rights",
        "bio": (
            "Line Bech Thomsen är rådgivare inom företag och mänskliga rättigheter vid "
            "Danish Institute for Human Rights. Hon stödjer stater och upphandlande "
            "myndigheter i att införa krav på riskbaserad granskning, så kallad due "
            "diligence, i offentliga kontrakt."
        ),
    },
    {
        "name": "Camila Rojas Valdés",
        "title": "Coordinadora técnica",
        "organisation": "Red Interamericana de Compras Gubernamentales",
        "bio": (
            "Camila Rojas Valdés samordnar det tekniska samarbetet i det latinamerikanska "
            "nätverket för offentlig upphandling RICG. Hon har tidigare arbetat vid Chiles "
            "statliga inköpsorganisation."
        ),
    },
    # --- Svenska aktörer ---
    {
        "name": "Anders Holmgren",
        "title": "Sakkunnig i offentlig upphandling",
        "organisation": "Sveriges Kommuner och Regioner",
        "bio": (
            "Anders Holmgren är sakkunnig i upphandlingsfrågor på SKR och följer "
            "lagstiftningen på området både i Sverige och inom EU. Han är jurist och har "
            "arbetat som upphandlare i en region."
        ),
    },
    {
        "name": "Maria Sjöholm",
        "title": "Hållbarhetsspecialist",
        "organisation": "Upphandlingsmyndigheten",
        "bio": (
            "Maria Sjöholm arbetar med hållbarhetskriterier på Upphandlingsmyndigheten, "
            "med särskilt ansvar för kemikalier och IKT. Hon deltar i flera nordiska "
            "nätverk för hållbar offentlig upphandling."
        ),
    },
    {
        "name": "Erik Dahlgren",
        "title": "Strateg för hållbar IKT-upphandling",
        "organisation": "Region Stockholm",
        "bio": (
            "Erik Dahlgren ansvarar för hållbarhetsfrågorna i Region Stockholms upphandlingar "
            "av datorer, skärmar och mobiltelefoner. Region Stockholm leder regionernas "
            "gemensamma arbete inom riskområdet IKT."
        ),
    },
    {
        "name": "Lena Persson Hallberg",
        "title": "Miljöstrateg",
        "organisation": "Region Skåne",
        "bio": (
            "Lena Persson Hallberg är miljöstrateg på Region Skåne och arbetar med klimat- "
            "och kemikaliekrav i upphandling. Hon har lett regionens arbete med att minska "
            "engångsartiklar i plast inom vården."
        ),
    },
    {
        "name": "Nils Åkerlund",
        "title": "Hållbarhetsspecialist, textil och förbrukningsmaterial",
        "organisation": "Västra Götalandsregionen",
        "bio": (
            "Nils Åkerlund arbetar med hållbarhetskrav i Västra Götalandsregionens "
            "upphandlingar av textilier och förbrukningsmaterial. Han har tidigare arbetat "
            "med inköp och produktion i textilbranschen."
        ),
    },
    {
        "name": "Helena Strandberg",
        "title": "Upphandlingschef",
        "organisation": "Region Blekinge",
        "bio": (
            "Helena Strandberg är upphandlingschef i Region Blekinge. Hon har drivit på "
            "för att mindre regioner ska kunna dra nytta av den gemensamma uppföljningen "
            "av uppförandekoden."
        ),
    },
    {
        "name": "Peter Gunnarsson",
        "title": "Miljöchef",
        "organisation": "Region Kronoberg",
        "bio": (
            "Peter Gunnarsson är miljöchef i Region Kronoberg med ansvar för regionens "
            "miljöprogram. Han arbetar nära både upphandlingsavdelningen och "
            "fastighetsförvaltningen."
        ),
    },
    {
        "name": "Ingrid Falk",
        "title": "Docent i miljövetenskap",
        "organisation": "Stockholms universitet",
        "bio": (
            "Ingrid Falk forskar om kemikalier i varor och om hur information om "
            "kemiskt innehåll kan föras vidare genom leveranskedjan. Hon leder ett "
            "forskningsprojekt om kemikaliekontroll i offentlig upphandling."
        ),
    },
    {
        "name": "Oskar Lundin",
        "title": "Branschexpert, hållbarhet och regelverk",
        "organisation": "Swedish Medtech",
        "bio": (
            "Oskar Lundin arbetar med hållbarhetsfrågor och regelverk på Swedish Medtech, "
            "branschorganisationen för medicinteknikföretag i Sverige. Han har samordnat "
            "branschens dialog med regionerna om uppförandekoden."
        ),
    },
]

# ---------------------------------------------------------------------------
# Startsidans puff
# ---------------------------------------------------------------------------

HERO = {
    "heading": "Hållbar upphandling för en hållbar vård",
    "text": (
        "Sveriges regioner köper varje år in allt från handskar och kirurgiska instrument "
        "till datorer och patientkläder. Tillsammans ställer vi krav på att det vi köper "
        "tillverkas med respekt för människors rättigheter och för miljön."
    ),
    "link_text": "Läs senaste nytt",
    "link_url": "/aktuellt/",
}

# ---------------------------------------------------------------------------
# Evenemang
# ---------------------------------------------------------------------------

EVENTS = [
    # ===================== Genomförda evenemang =====================
    {
        "slug": "osce-workshop-astana-2017",
        "title": "OSCE Regional Workshop: Government Action against Forced Labour in Supply Chains",
        "kind": "workshop",
        "status": "published",
        "when": {"start": "2017-06-15T09:00", "end": "2017-06-16T17:00"},
        "all_day": False,
        "timezone": "Asia/Almaty",
        "venue": "Ministry of Foreign Affairs of the Republic of Kazakhstan",
        "city": "Astana",
        "country": "KZ",
        "online_url": "",
        "organisers": ["Organization for Security and Co-operation in Europe"],
        "description": (
            "<p>A two-day regional workshop for OSCE participating States on how governments "
            "can use their own purchasing, fair recruitment rules and transparency requirements "
            "to reduce the risk of trafficking and forced labour in supply chains.</p>"
            "<p>The programme combines short expert presentations with group exercises based on "
            "real procurement cases. Sessions cover:</p>"
            "<ul><li>risk assessment before a tender is published</li>"
            "<li>contract clauses and follow-up of supplier commitments</li>"
            "<li>access to remedy for workers who have been exploited</li></ul>"
            "<p>The Swedish regions' national secretariat will present how a shared code of "
            "conduct for suppliers is monitored across healthcare procurement.</p>"
        ),
        "registration_url": "",
        "tags": ["människohandel", "internationellt samarbete", "leveranskedjor"],
        "language": "en",
        "participants": [
            {"name": "Marcus Albrecht", "role": "organiser"},
            {"name": "Irina Kovalenko", "role": "speaker"},
            {"name": "Aisha Rahman", "role": "panellist"},
            {"name": "Karin Lindqvist Berg", "role": "speaker"},
        ],
    },
    {
        "slug": "workshop-upphandling-mot-manniskohandel-stockholm",
        "title": "Workshop: offentlig upphandling som verktyg mot människohandel",
        "kind": "workshop",
        "status": "published",
        "when": {"start": "2017-11-21T09:00", "end": "2017-11-22T15:00"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Sveriges Kommuner och Regioner, konferensavdelningen",
        "city": "Stockholm",
        "country": "SE",
        "online_url": "",
        "organisers": [
            "Organization for Security and Co-operation in Europe",
            "Council of the Baltic Sea States",
            "Nationella kansliet för hållbar upphandling",
        ],
        "description": (
            "<p>Hur kan stater och upphandlande myndigheter använda sina inköp för att minska "
            "risken för tvångsarbete och människohandel i leveranskedjorna? Under två dagar "
            "möts företrädare för departement, myndigheter, mellanstatliga organisationer och "
            "civilsamhälle för att dela erfarenheter och arbeta med konkreta fall.</p>"
            "<p>Workshopen ingår i OSCE:s fleråriga arbete med att ta fram vägledning för "
            "deltagande stater. Programmet hålls på engelska.</p>"
            "<p>Antalet platser är begränsat och deltagande sker efter inbjudan.</p>"
        ),
        "registration_url": "",
        "tags": ["människohandel", "internationellt samarbete"],
        "language": "sv",
        "participants": [
            {"name": "Karin Lindqvist Berg", "role": "host"},
            {"name": "Irina Kovalenko", "role": "speaker"},
            {"name": "Jonas Virtanen", "role": "speaker"},
            {"name": "Rebecca Whitfield", "role": "panellist"},
            {"name": "Aisha Rahman", "role": "panellist"},
        ],
    },
    {
        "slug": "konferens-manskliga-rattigheter-upphandling-santiago",
        "title": "Konferens om mänskliga rättigheter i offentlig upphandling, Santiago",
        "kind": "conference",
        "status": "published",
        "when": {"start": "2018-09-26T09:00", "end": "2018-09-27T17:00"},
        "all_day": True,
        "timezone": "America/Santiago",
        "venue": "Centro Cultural Gabriela Mistral",
        "city": "Santiago",
        "country": "CL",
        "online_url": "",
        "organisers": [
            "Red Interamericana de Compras Gubernamentales",
            "Danish Institute for Human Rights",
        ],
        "description": (
            "<p>Det latinamerikanska nätverket för offentlig upphandling, RICG, samlar sina "
            "medlemsländer till en tvådagarskonferens om hur krav på respekt för mänskliga "
            "rättigheter kan föras in i offentliga kontrakt.</p>"
            "<p>Nationella kansliet är inbjudet att berätta om hur Sveriges regioner arbetar "
            "med uppförandekoden för leverantörer, riskanalyser och uppföljning.</p>"
            "<p>Konferensen hålls på spanska och engelska med simultantolkning.</p>"
        ),
        "registration_url": "",
        "tags": ["mänskliga rättigheter", "internationellt samarbete"],
        "language": "sv",
        "participants": [
            {"name": "Camila Rojas Valdés", "role": "host"},
            {"name": "Line Bech Thomsen", "role": "speaker"},
            {"name": "Karin Lindqvist Berg", "role": "speaker"},
        ],
    },
    {
        "slug": "webbinarium-kemikaliekontroll-i-upphandlade-varor",
        "title": "Webbinarium: kemikaliekontroll i upphandlade varor",
        "kind": "webinar",
        "status": "published",
        "when": {"start": "2019-02-05T10:00", "end": "2019-02-05T11:30"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Online",
        "city": "",
        "country": "SE",
        "online_url": "https://mote.example.org/webinar-kemikalier",
        "organisers": [
            "Nationella kansliet för hållbar upphandling",
            "Stockholms universitet",
        ],
        "description": (
            "<p>Vet vi vilka kemikalier som finns i de varor vi köper? Det här webbinariet "
            "handlar om hur upphandlare kan få bättre kontroll på kemikalieinnehållet i "
            "förbrukningsmaterial, möbler och elektronik.</p>"
            "<p>Vi går igenom:</p>"
            "<ul><li>vilka ämnen som bör prioriteras, till exempel ftalater och bromerade "
            "flamskyddsmedel</li>"
            "<li>hur man formulerar krav som går att följa upp</li>"
            "<li>resultat från ett pågående forskningsprojekt vid Stockholms universitet</li></ul>"
            "<p>Webbinariet är kostnadsfritt. Länken till mötet skickas ut dagen innan.</p>"
        ),
        "registration_url": "https://example.org/anmalan/webbinarium-kemikaliekontroll",
        "tags": ["kemikalier", "miljö"],
        "language": "sv",
        "participants": [
            {"name": "Johan Ekström", "role": "host"},
            {"name": "Ingrid Falk", "role": "speaker"},
            {"name": "Maria Sjöholm", "role": "panellist"},
        ],
    },
    {
        "slug": "mote-med-region-blekinge",
        "title": "Möte med Region Blekinge om hållbar upphandling",
        "kind": "meeting",
        "status": "published",
        "when": {"start": "2019-03-14T09:30", "end": "2019-03-14T12:00"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Regionhuset",
        "city": "Karlskrona",
        "country": "SE",
        "online_url": "",
        "organisers": ["Region Blekinge", "Nationella kansliet för hållbar upphandling"],
        "description": (
            "<p>Nationella kansliet besöker upphandlings- och miljöfunktionerna i Region "
            "Blekinge för att presentera den nationella miljösamordningen och diskutera hur "
            "regionen kan ta del av den gemensamma uppföljningen inom medicinteknik.</p>"
            "<p>Mötet är internt för regionens medarbetare.</p>"
        ),
        "registration_url": "",
        "tags": ["regioner", "medicinteknik"],
        "language": "sv",
        "participants": [
            {"name": "Helena Strandberg", "role": "host"},
            {"name": "Karin Lindqvist Berg", "role": "participant"},
            {"name": "Johan Ekström", "role": "participant"},
        ],
    },
    {
        "slug": "leverantorsdialog-kirurgiska-instrument",
        "title": "Leverantörsdialog: arbetsvillkor i tillverkningen av kirurgiska instrument",
        "kind": "supplier_dialogue",
        "status": "published",
        "when": {"start": "2020-10-13T13:00", "end": "2020-10-13T16:00"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Online",
        "city": "",
        "country": "SE",
        "online_url": "https://mote.example.org/leverantorsdialog-instrument",
        "organisers": ["Nationella kansliet för hållbar upphandling", "Swedish Medtech"],
        "description": (
            "<p>Regionerna bjuder in leverantörer av kirurgiska och andra medicinska "
            "instrument till en dialog om arbetsvillkoren i leveranskedjan, med särskilt fokus "
            "på tillverkningen i Pakistan.</p>"
            "<p>Vi presenterar resultaten från de senaste årens revisioner och diskuterar "
            "gemensamt hur leverantörerna kan arbeta vidare med underleverantörer i de tidiga "
            "tillverkningsleden. Ethical Trading Initiative berättar om sitt branschprojekt.</p>"
            "<p><strong>Målgrupp:</strong> hållbarhets- och inköpsansvariga hos leverantörer "
            "med avtal med någon av regionerna.</p>"
        ),
        "registration_url": "https://example.org/anmalan/leverantorsdialog-instrument",
        "tags": ["leverantörsdialog", "medicinteknik", "uppföljning"],
        "language": "sv",
        "participants": [
            {"name": "Sara Nyberg", "role": "host"},
            {"name": "Oskar Lundin", "role": "speaker"},
            {"name": "Rebecca Whitfield", "role": "speaker"},
            {"name": "Karin Lindqvist Berg", "role": "participant"},
        ],
    },
    {
        "slug": "panelsamtal-migrantarbetare-i-handskindustrin",
        "title": "Panelsamtal: migrantarbetare i handskindustrin – vem tar ansvar?",
        "kind": "panel",
        "status": "published",
        "when": {"start": "2021-04-20T14:00", "end": "2021-04-20T15:30"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Online",
        "city": "",
        "country": "SE",
        "online_url": "https://mote.example.org/panel-handskar",
        "organisers": [
            "Nationella kansliet för hållbar upphandling",
            "International Labour Organization",
        ],
        "description": (
            "<p>Under pandemin ökade efterfrågan på medicinska handskar kraftigt. Samtidigt "
            "har rapporter om skuldslaveri bland migrantarbetare i Malaysia fortsatt att komma.</p>"
            "<p>I det här panelsamtalet diskuterar vi vad upphandlande myndigheter, "
            "leverantörer och internationella organisationer kan göra för att arbetare ska "
            "få tillbaka rekryteringsavgifter och för att nya skulder inte ska uppstå.</p>"
            "<p>Samtalet spelas in och publiceras i efterhand med svensk textning.</p>"
        ),
        "registration_url": "https://example.org/anmalan/panel-handskar",
        "tags": ["mänskliga rättigheter", "leveranskedjor", "medicinteknik"],
        "language": "sv",
        "participants": [
            {"name": "Amira Haddad", "role": "moderator"},
            {"name": "Aisha Rahman", "role": "panellist"},
            {"name": "Oskar Lundin", "role": "panellist"},
            {"name": "Sara Nyberg", "role": "panellist"},
        ],
    },
    {
        "slug": "osce-conference-vienna-2022",
        "title": "OSCE Conference: Public Procurement and the Prevention of Human Trafficking",
        "kind": "conference",
        "status": "published",
        "when": {"start": "2022-11-16T09:00", "end": "2022-11-17T17:30"},
        "all_day": True,
        "timezone": "Europe/Vienna",
        "venue": "Hofburg",
        "city": "Vienna",
        "country": "AT",
        "online_url": "",
        "organisers": ["Organization for Security and Co-operation in Europe"],
        "description": (
            "<p>A two-day conference bringing together procurement authorities, ministries, "
            "business and civil society from across the OSCE region to take stock of what "
            "has been achieved since the OSCE model guidelines on preventing trafficking in "
            "supply chains were published.</p>"
            "<p>Panels will address:</p>"
            "<ul><li>legislation on mandatory human rights due diligence</li>"
            "<li>practical tools for public buyers</li>"
            "<li>remedy for workers in global supply chains</li></ul>"
            "<p>Interpretation will be provided in English and Russian.</p>"
        ),
        "registration_url": "https://example.org/register/osce-vienna-2022",
        "tags": ["människohandel", "internationellt samarbete"],
        "language": "en",
        "participants": [
            {"name": "Marcus Albrecht", "role": "organiser"},
            {"name": "Irina Kovalenko", "role": "host"},
            {"name": "Line Bech Thomsen", "role": "speaker"},
            {"name": "Karin Lindqvist Berg", "role": "panellist"},
            {"name": "Jonas Virtanen", "role": "panellist"},
        ],
    },
    {
        "slug": "mote-med-region-kronoberg",
        "title": "Möte med Region Kronoberg om miljökrav och klimat",
        "kind": "meeting",
        "status": "published",
        "when": {"start": "2023-05-10T13:00", "end": "2023-05-10T15:30"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Regionhuset",
        "city": "Växjö",
        "country": "SE",
        "online_url": "",
        "organisers": ["Region Kronoberg"],
        "description": (
            "<p>Region Kronoberg har bjudit in Nationella kansliet till ett möte med "
            "medarbetare från upphandling, miljö och fastighet.</p>"
            "<p>På agendan står regionens nya miljöprogram, klimatkrav vid om- och "
            "nybyggnation och hur regionen kan använda de gemensamma kemikaliekraven.</p>"
        ),
        "registration_url": "",
        "tags": ["regioner", "miljö", "klimat"],
        "language": "sv",
        "participants": [
            {"name": "Peter Gunnarsson", "role": "host"},
            {"name": "Johan Ekström", "role": "participant"},
            {"name": "Sara Nyberg", "role": "participant"},
        ],
    },
    {
        "slug": "rundabordssamtal-textil-goteborg",
        "title": "Rundabordssamtal: hållbara textilier i vården",
        "kind": "round_table",
        "status": "published",
        "when": {"start": "2024-09-18T09:00", "end": "2024-09-18T12:00"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Västra Götalandsregionens konferenslokaler, Lindholmen",
        "city": "Göteborg",
        "country": "SE",
        "online_url": "",
        "organisers": [
            "Västra Götalandsregionen",
            "Nationella kansliet för hållbar upphandling",
        ],
        "description": (
            "<p>Patientkläder, arbetskläder och sängkläder används och tvättas i stora "
            "volymer. Hur kan regionerna ställa krav som både förbättrar arbetsvillkoren i "
            "produktionen och förlänger textiliernas livslängd?</p>"
            "<p>Vi bjuder in leverantörer, tvätterier och forskare till ett samtal i mindre "
            "grupp. Samtalet följer Chatham House-regeln.</p>"
        ),
        "registration_url": "https://example.org/anmalan/rundabord-textil",
        "tags": ["textil", "leveranskedjor", "miljö"],
        "language": "sv",
        "participants": [
            {"name": "Nils Åkerlund", "role": "host"},
            {"name": "Sara Nyberg", "role": "moderator"},
            {"name": "Johan Ekström", "role": "speaker"},
            {"name": "Lena Persson Hallberg", "role": "participant"},
        ],
    },
    {
        "slug": "seminarium-hallbar-ikt",
        "title": "Seminarium: hållbar IKT – från riskanalys till avtalsuppföljning",
        "kind": "seminar",
        "status": "published",
        "when": {"start": "2025-10-07T09:00", "end": "2025-10-07T12:30"},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Regionens hus",
        "city": "Stockholm",
        "country": "SE",
        "online_url": "https://mote.example.org/seminarium-ikt",
        "organisers": ["Region Stockholm", "Nationella kansliet för hållbar upphandling"],
        "description": (
            "<p>Datorer, skärmar och mobiltelefoner tillverkas i långa och komplexa "
            "leveranskedjor. Region Stockholm, som leder regionernas arbete inom riskområdet "
            "IKT, delar erfarenheter från flera års upphandlingar och uppföljning.</p>"
            "<p>Seminariet riktar sig till upphandlare, IT-ansvariga och hållbarhetsstrateger "
            "i regioner och kommuner. Det går att delta på plats eller digitalt.</p>"
        ),
        "registration_url": "https://example.org/anmalan/seminarium-ikt",
        "tags": ["ikt", "riskanalys", "uppföljning"],
        "language": "sv",
        "participants": [
            {"name": "Erik Dahlgren", "role": "host"},
            {"name": "Amira Haddad", "role": "moderator"},
            {"name": "Karin Lindqvist Berg", "role": "speaker"},
            {"name": "Maria Sjöholm", "role": "speaker"},
        ],
    },
    # ===================== Kommande evenemang =====================
    {
        "slug": "webbinarium-ftalater-i-forbrukningsmaterial",
        "title": "Webbinarium: ftalater och andra särskilt farliga ämnen i vårdens förbrukningsmaterial",
        "kind": "webinar",
        "status": "published",
        "when": {"in_days": 9, "start_time": "10:00", "duration_hours": 2, "days": 1},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Online",
        "city": "",
        "country": "SE",
        "online_url": "https://mote.example.org/webinar-ftalater",
        "organisers": ["Nationella kansliet för hållbar upphandling", "Region Skåne"],
        "description": (
            "<p>Ftalater används som mjukgörare i plast och flera av dem är klassade som "
            "reproduktionsstörande eller hormonstörande. I vården finns de bland annat i "
            "slangar, påsar och handskar.</p>"
            "<p>I webbinariet berättar Region Skåne hur regionen har fasat ut produkter med "
            "prioriterade ftalater, och forskare från Stockholms universitet ger en "
            "lägesbild av alternativen.</p>"
            '<p>Webbinariet textas och spelas in. <a href="https://example.org/kemikaliekrav">'
            "Läs mer om de gemensamma kemikaliekraven</a>.</p>"
        ),
        "registration_url": "https://example.org/anmalan/webbinarium-ftalater",
        "tags": ["kemikalier", "miljö"],
        "language": "sv",
        "participants": [
            {"name": "Johan Ekström", "role": "host"},
            {"name": "Lena Persson Hallberg", "role": "speaker"},
            {"name": "Ingrid Falk", "role": "speaker"},
        ],
    },
    {
        "slug": "leverantorsdialog-textilier-och-uppforandekoden",
        "title": "Leverantörsdialog: textilier och den nya uppförandekoden",
        "kind": "supplier_dialogue",
        "status": "published",
        "when": {"in_days": 23, "start_time": "13:00", "duration_hours": 3, "days": 1},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Västra Götalandsregionens konferenslokaler, Lindholmen",
        "city": "Göteborg",
        "country": "SE",
        "online_url": "https://mote.example.org/leverantorsdialog-textil",
        "organisers": [
            "Västra Götalandsregionen",
            "Nationella kansliet för hållbar upphandling",
        ],
        "description": (
            "<p>Inför kommande upphandlingar av patientkläder och sängtextilier bjuder "
            "regionerna in leverantörer till en dialog om hur kraven i den nya "
            "uppförandekoden ska tillämpas inom textilområdet.</p>"
            "<ul><li>Vad innebär kravet på riskbaserad granskning för en textilleverantör?</li>"
            "<li>Hur långt bak i leveranskedjan förväntas spårbarheten gå?</li>"
            "<li>Hur följer regionerna upp kraven under avtalstiden?</li></ul>"
            "<p>Det går att delta på plats i Göteborg eller digitalt.</p>"
        ),
        "registration_url": "https://example.org/anmalan/leverantorsdialog-textil",
        "tags": ["textil", "leverantörsdialog", "uppförandekod"],
        "language": "sv",
        "participants": [
            {"name": "Nils Åkerlund", "role": "host"},
            {"name": "Sara Nyberg", "role": "speaker"},
            {"name": "Rebecca Whitfield", "role": "speaker"},
        ],
    },
    {
        "slug": "studiebesok-region-skane-klimatkrav",
        "title": "Studiebesök: Region Skånes arbete med klimatkrav i upphandling",
        "kind": "study_visit",
        "status": "cancelled",
        "when": {"in_days": 41, "start_time": "09:30", "duration_hours": 5, "days": 1},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Region Skånes regionkontor",
        "city": "Malmö",
        "country": "SE",
        "online_url": "",
        "organisers": ["Region Skåne", "Nationella kansliet för hållbar upphandling"],
        "description": (
            "<p><strong>Studiebesöket är inställt.</strong> Vi återkommer med ett nytt datum. "
            "Alla som har anmält sig har fått besked via e-post.</p>"
            "<p>Under studiebesöket skulle deltagarna få ta del av hur Region Skåne beräknar "
            "klimatpåverkan från sina inköp och hur resultaten används för att prioritera "
            "vilka upphandlingar som ska få klimatkrav.</p>"
        ),
        "registration_url": "",
        "tags": ["klimat", "regioner"],
        "language": "sv",
        "participants": [
            {"name": "Lena Persson Hallberg", "role": "host"},
            {"name": "Johan Ekström", "role": "organiser"},
            {"name": "Anders Holmgren", "role": "participant"},
        ],
    },
    {
        "slug": "nationell-konferens-hallbar-upphandling",
        "title": "Nationell konferens om hållbar upphandling i regionerna",
        "kind": "conference",
        "status": "published",
        "when": {"in_days": 68, "start_time": "09:00", "duration_hours": 8, "days": 2},
        "all_day": True,
        "timezone": "Europe/Stockholm",
        "venue": "Malmö Live Konserthus",
        "city": "Malmö",
        "country": "SE",
        "online_url": "",
        "organisers": [
            "Nationella kansliet för hållbar upphandling",
            "Region Skåne",
            "Sveriges Kommuner och Regioner",
        ],
        "description": (
            "<p>Välkommen till två dagar om hur regionernas upphandlingar kan bidra till "
            "bättre arbetsvillkor, mindre kemikalier och lägre klimatpåverkan. Konferensen "
            "riktar sig till upphandlare, miljö- och hållbarhetsstrateger, verksamhetsföreträdare "
            "och leverantörer.</p>"
            "<p>Programmet innehåller bland annat:</p>"
            "<ul><li>nyheter i den gemensamma uppförandekoden och riskanalysen</li>"
            "<li>vad EU:s nya regler om tvångsarbete och hållbarhetsgranskning innebär</li>"
            "<li>regionernas erfarenheter av klimatkrav i medicinteknik</li></ul>"
            "<p>Konferensen är kostnadsfri för medarbetare i regioner och kommuner. "
            '<a href="https://example.org/konferens/program">Se hela programmet</a>.</p>'
        ),
        "registration_url": "https://example.org/anmalan/nationell-konferens",
        "tags": ["regioner", "mänskliga rättigheter", "klimat"],
        "language": "sv",
        "participants": [
            {"name": "Karin Lindqvist Berg", "role": "host"},
            {"name": "Amira Haddad", "role": "moderator"},
            {"name": "Anders Holmgren", "role": "speaker"},
            {"name": "Aisha Rahman", "role": "speaker"},
            {"name": "Lena Persson Hallberg", "role": "speaker"},
            {"name": "Erik Dahlgren", "role": "panellist"},
        ],
    },
    {
        "slug": "workshop-riskanalys-ikt",
        "title": "Workshop: riskanalys inför IKT-upphandlingar",
        "kind": "workshop",
        "status": "draft",
        "when": {"in_days": 112, "start_time": "09:00", "duration_hours": 4, "days": 1},
        "all_day": False,
        "timezone": "Europe/Stockholm",
        "venue": "Regionens hus",
        "city": "Stockholm",
        "country": "SE",
        "online_url": "",
        "organisers": ["Region Stockholm", "Nationella kansliet för hållbar upphandling"],
        "description": (
            "<p>En praktisk workshop för upphandlare som ska upphandla datorer, skärmar, "
            "mobiltelefoner eller annan IKT-hårdvara. Deltagarna arbetar i grupper med "
            "regionernas mall för riskanalys.</p>"
            "<p>Preliminärt program; tider och lokal kan komma att ändras.</p>"
        ),
        "registration_url": "",
        "tags": ["ikt", "riskanalys"],
        "language": "sv",
        "participants": [
            {"name": "Erik Dahlgren", "role": "host"},
            {"name": "Sara Nyberg", "role": "speaker"},
        ],
    },
]

# ---------------------------------------------------------------------------
# Artiklar
# ---------------------------------------------------------------------------

_foto = "Foto: Nationella kansliet"

ARTICLES = [
    # ------------------------------ 2017 ------------------------------
    {
        "slug": "reviderad-uppforandekod-for-leverantorer",
        "title": "Reviderad uppförandekod för leverantörer gäller i nya avtal",
        "lead": (
            "Från och med april ställer regionerna krav enligt en uppdaterad uppförandekod i "
            "nya upphandlingar inom de prioriterade riskområdena. Den viktigaste nyheten är att "
            "leverantörerna själva ska kunna visa hur de identifierar och hanterar risker."
        ),
        "body": """<p>Uppförandekoden är grunden för regionernas gemensamma arbete med sociala krav i upphandling. Den utgår från ILO:s kärnkonventioner, FN:s allmänna förklaring om de mänskliga rättigheterna och den arbetsmiljö- och miljölagstiftning som gäller i tillverkningslandet. Koden ingår som ett särskilt kontraktsvillkor och gäller under hela avtalstiden.</p>
<h2>Det här är nytt</h2>
<ul>
<li>Leverantören ska ha en dokumenterad process för att identifiera och hantera risker för brott mot mänskliga rättigheter i leveranskedjan, i linje med FN:s vägledande principer för företag och mänskliga rättigheter.</li>
<li>Kravet på att kunna redovisa tillverkningsorter har förtydligats.</li>
<li>Arbetare får inte avkrävas avgifter för att få en anställning.</li>
</ul>
<p>För leverantörerna innebär förändringen att det inte längre räcker att hänvisa till en egen policy. De behöver kunna visa hur arbetet går till i praktiken och vilka åtgärder som har vidtagits när problem har upptäckts.</p>
<p>Hela texten finns, tillsammans med en sammanfattning på engelska, på <a href="https://example.org/uppforandekod">sidan om uppförandekoden</a>.</p>""",
        "status": "published",
        "published_at": "2017-03-08T09:00:00+01:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["uppförandekod", "mänskliga rättigheter", "regioner"],
        "language": "sv",
        "image_alt": "Ett uppslaget häfte med rubriken Uppförandekod för leverantörer ligger på ett skrivbord bredvid en bärbar dator.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "riskanalysen-pekar-ut-atta-produktomraden",
        "title": "Riskanalysen pekar ut åtta prioriterade produktområden",
        "lead": (
            "Regionerna har uppdaterat sin gemensamma riskanalys. Kirurgiska instrument, "
            "medicinska handskar, IKT-hårdvara och textilier hamnar fortsatt högst."
        ),
        "body": """<p>Varje år köper regionerna varor för många miljarder kronor. Alla avtal kan inte följas upp lika noga, och därför utgår arbetet från en riskanalys. Produktområdena bedöms efter hur sannolikt det är att allvarliga brott mot arbetsvillkor eller miljö förekommer, hur stora volymer regionerna köper och hur stora möjligheter vi har att påverka.</p>
<p>I årets analys prioriteras åtta områden:</p>
<ul>
<li>kirurgiska och andra medicinska instrument</li>
<li>medicinska handskar och andra engångsartiklar av gummi och plast</li>
<li>IKT-hårdvara som datorer, skärmar och mobiltelefoner</li>
<li>textilier, till exempel patientkläder och sängkläder</li>
<li>förbandsmaterial</li>
<li>livsmedel som kaffe, te och frukt</li>
<li>möbler och inredning</li>
<li>läkemedel</li>
</ul>
<p>För varje område finns en ansvarig region som samordnar uppföljningen och dialogen med leverantörerna för samtliga regioners räkning. En leverantör som har avtal med flera regioner behöver därför bara svara på en uppföljning.</p>
<p>Analysen uppdateras varje år. Den bygger på rapporter från bland annat ILO, fackliga organisationer och civilsamhället, men också på erfarenheterna från våra egna revisioner.</p>""",
        "status": "published",
        "published_at": "2017-03-22T10:15:00+01:00",
        "authors": ["Sara Nyberg"],
        "tags": ["riskanalys", "leveranskedjor", "medicinteknik"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "swedish-regions-at-osce-workshop-in-astana",
        "title": "Swedish regions share their experience at OSCE workshop in Astana",
        "lead": (
            "The national secretariat took part in a two-day OSCE workshop in Kazakhstan on how "
            "governments can prevent trafficking and forced labour in the supply chains they buy from."
        ),
        "body": """<p>Officials from more than a dozen OSCE participating States met in Astana together with international organisations and civil society to discuss a difficult question: what should a government do when the goods it buys may have been made by people who cannot leave their jobs? The workshop was part of a series organised by the OSCE office that works against trafficking in human beings.</p>
<p>Much of the discussion was about the distance between policy and practice. Many countries have adopted national action plans on business and human rights, but few have turned them into contract clauses, audits and systematic follow-up. Participants were particularly interested in:</p>
<ul>
<li>how one code of conduct can be shared by many contracting authorities</li>
<li>how a risk assessment helps buyers decide where to focus limited resources</li>
<li>what happens after an audit has revealed serious problems at a factory</li>
</ul>
<blockquote><p>Public buyers have leverage that they rarely use to the full. The Swedish example shows that clear requirements, combined with patient dialogue, can change conditions on the factory floor.</p></blockquote>
<p>That was how Irina Kovalenko, Senior Adviser at the OSCE, summed up the first day. The secretariat presented the regions' joint work on <strong>surgical instruments</strong> and <strong>medical gloves</strong>, including how audit findings are turned into corrective action plans with clear deadlines.</p>
<p>The OSCE is now drafting model guidelines for governments, and we have offered to contribute practical examples from Swedish healthcare procurement.</p>""",
        "status": "published",
        "published_at": "2017-06-19T14:00:00+02:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["människohandel", "internationellt samarbete", "uppföljning"],
        "language": "en",
        "image_alt": "About thirty participants seated at long tables in a conference room with national flags in the background.",
        "image_caption": (
            "Irina Kovalenko, Senior Adviser, OSCE; Aisha Rahman, Senior Specialist on Forced "
            "Labour, ILO; and Karin Lindqvist Berg, National Coordinator, National Secretariat "
            "for Sustainable Public Procurement."
        ),
        "image_credit": "Photo: National Secretariat",
        "image_decorative": False,
        "events": ["osce-workshop-astana-2017"],
        "is_featured": False,
    },
    {
        "slug": "uppfoljning-i-sialkot-kirurgiska-instrument",
        "title": "Uppföljning i Sialkot: så tillverkas de kirurgiska instrumenten",
        "lead": (
            "I augusti besökte kansliet tillsammans med två leverantörer ett tiotal verkstäder "
            "och fabriker i Pakistan där kirurgiska instrument tillverkas. Besöket visade både "
            "tydliga förbättringar och brister som kvarstår."
        ),
        "body": """<p>Staden Sialkot i nordöstra Pakistan står för en mycket stor del av världens produktion av kirurgiska instrument. Tillverkningen sker i flera led. Smide, slipning och polering görs ofta i små verkstäder hos underleverantörer, medan kontroll, märkning och förpackning sker i större fabriker som sedan säljer instrumenten vidare till internationella varumärken.</p>
<p>Det är i de tidiga leden som riskerna är störst. Vid tidigare revisioner har vi hittat långa arbetsdagar, löner under minimilönen, bristfällig skyddsutrustning vid slipning och i enstaka fall barnarbete.</p>
<h2>Vad vi såg</h2>
<p>Hos flera av de underleverantörer vi besökte hade utsug och dammskydd installerats sedan förra uppföljningen, och arbetarna hade fått skriftliga anställningsavtal. Samtidigt saknades fortfarande dokumentation av arbetstiden på två verkstäder, och ingen av dem hade en kanal där arbetare kan lämna klagomål anonymt.</p>
<blockquote><p>Förut kom köparna hit en gång och sedan aldrig mer. Nu vet vi att de kommer tillbaka.</p></blockquote>
<p>Så uttryckte sig en av arbetsledarna vi träffade. Leverantörerna har nu tre månader på sig att ta fram åtgärdsplaner för de brister som identifierades. Kansliet följer upp planerna tillsammans med den region som har huvudansvaret för riskområdet medicinteknik.</p>""",
        "status": "published",
        "published_at": "2017-09-12T08:30:00+02:00",
        "authors": ["Sara Nyberg"],
        "tags": ["medicinteknik", "uppföljning", "leveranskedjor"],
        "language": "sv",
        "image_alt": "En arbetare med skyddsglasögon slipar ett metallinstrument vid en arbetsbänk i en liten verkstad.",
        "image_caption": "Slipning av kirurgiska instrument hos en underleverantör i Sialkot, Pakistan.",
        "image_credit": "Foto: Sara Nyberg/Nationella kansliet",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "upphandling-som-verktyg-mot-manniskohandel",
        "title": "Upphandling som verktyg mot människohandel – workshop i Stockholm",
        "lead": (
            "Under två dagar samlades experter från ett tjugotal länder i Stockholm för att "
            "diskutera hur stater kan använda sina inköp för att motverka tvångsarbete. "
            "Workshopen arrangerades av OSCE tillsammans med CBSS och Nationella kansliet."
        ),
        "body": """<p>Miljontals människor i världen lever i tvångsarbete, och många av dem arbetar i leveranskedjor som i slutändan förser både företag och offentlig sektor med varor. När skattepengar används för att köpa sådana varor blir det offentliga en del av problemet. Samtidigt ger de stora inköpsvolymerna ett inflytande som kan användas för att driva på förändring.</p>
<p>Workshopen i Stockholm var en del av OSCE:s arbete med att ta fram vägledning för hur deltagande stater kan förebygga människohandel i leveranskedjor. Deltagarna kom från departement, upphandlande myndigheter, mellanstatliga organisationer och ideella organisationer. I grupper arbetade de med konkreta frågor: Hur ska en riskanalys se ut? Vad kan man kräva i ett kontrakt? Och vad gör man när det visar sig att arbetare har tvingats betala för sina jobb?</p>
<p>Vi beskrev hur regionerna organiserar arbetet gemensamt och berättade om uppföljningen av medicinska handskar, där revisioner har fått leverantörer att se över hur deras underleverantörer rekryterar migrantarbetare.</p>
<blockquote><p>Ingen enskild upphandlare kan lösa det här på egen hand. Men om vi ställer samma krav och delar på uppföljningen blir vi en part som leverantörerna inte kan bortse från.</p></blockquote>
<p>Så sammanfattade en av de norska deltagarna diskussionen i sin grupp. Jonas Virtanen från CBSS påminde om att frågan inte bara gäller avlägsna produktionsländer. Även i Östersjöregionen förekommer exploatering inom bygg, städ och jordbruk – branscher där offentlig sektor också är en stor köpare.</p>""",
        "status": "published",
        "published_at": "2017-11-23T16:00:00+01:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["människohandel", "internationellt samarbete", "mänskliga rättigheter"],
        "language": "sv",
        "image_alt": "Fem personer står uppställda framför en projektorduk med texten Public procurement against trafficking in human beings.",
        "image_caption": (
            "Från vänster: Jonas Virtanen, Senior Adviser, CBSS; Irina Kovalenko, Senior Adviser, "
            "OSCE; Rebecca Whitfield, Head of Supply Chain Programmes, Ethical Trading Initiative; "
            "Aisha Rahman, Senior Specialist on Forced Labour, ILO; och Karin Lindqvist Berg, "
            "nationell samordnare, Nationella kansliet för hållbar upphandling."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["workshop-upphandling-mot-manniskohandel-stockholm"],
        "is_featured": False,
    },
    # ------------------------------ 2018 ------------------------------
    {
        "slug": "nytt-avtalsvillkor-for-ikt-upphandlingar",
        "title": "Nytt avtalsvillkor för hållbara leveranskedjor i IKT-upphandlingar",
        "lead": (
            "Regionerna inför ett kompletterande avtalsvillkor för datorer, skärmar och "
            "mobiltelefoner. Leverantören ska kunna redovisa vilka fabriker som står för "
            "slutmonteringen."
        ),
        "body": """<p>IKT-produkter tillverkas i några av världens mest komplexa leveranskedjor, med hundratals komponenter från många olika länder. Det gör det svårt för en enskild köpare att veta var och under vilka förhållanden produkterna har tillverkats.</p>
<p>Det nya villkoret ställer krav på att leverantören i samband med avtalsstart redovisar slutmonteringsfabrikerna för de produkter som ingår i avtalet, och att listan hålls uppdaterad. Leverantören ska också kunna visa hur den arbetar med risker längre bak i kedjan, till exempel vid utvinning av mineraler.</p>
<p>Villkoret har tagits fram av Region Stockholm tillsammans med kansliet och har stämts av med flera leverantörer under hösten. Det används första gången i upphandlingen av bärbara datorer som annonseras i mars.</p>""",
        "status": "published",
        "published_at": "2018-02-14T09:30:00+01:00",
        "authors": ["Sara Nyberg"],
        "tags": ["ikt", "uppförandekod", "leveranskedjor"],
        "language": "sv",
        "image_alt": "Närbild på ett kretskort med små elektroniska komponenter.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "uppfoljningen-2017-74-leverantorer",
        "title": "Uppföljningen 2017: 74 leverantörer granskade",
        "lead": (
            "Under 2017 följde regionerna gemensamt upp hur 74 leverantörer lever upp till "
            "uppförandekoden. I nästan hälften av fallen ledde uppföljningen till krav på åtgärder."
        ),
        "body": """<p>Uppföljningen sker i flera steg. Alla leverantörer inom de prioriterade riskområdena får först besvara en enkät om hur de arbetar med uppförandekoden. Utifrån svaren väljs ett antal leverantörer ut för fördjupad granskning, och i vissa fall genomförs revisioner på plats hos fabriker och underleverantörer.</p>
<p>Av de 74 leverantörer som granskades under året fick 35 krav på att vidta åtgärder. De vanligaste bristerna var:</p>
<ul>
<li>att leverantören saknade kännedom om var produkterna tillverkas</li>
<li>att det inte fanns någon systematisk riskbedömning av leveranskedjan</li>
<li>för långa arbetstider och otillräcklig övertidsersättning hos tillverkarna</li>
<li>brister i arbetsmiljön, framför allt skyddsutrustning och brandsäkerhet</li>
</ul>
<p>Positivt är att de flesta leverantörer har åtgärdat bristerna inom utsatt tid. Vi ser också att allt fler leverantörer själva tar initiativ till att kartlägga sina leveranskedjor innan vi frågar.</p>
<p>Hela sammanställningen kan <a href="https://example.org/rapporter/uppfoljning-2017">laddas ned som pdf</a>.</p>""",
        "status": "published",
        "published_at": "2018-05-03T10:00:00+02:00",
        "authors": ["Sara Nyberg"],
        "tags": ["uppföljning", "uppförandekod"],
        "language": "sv",
        "image_alt": "Ett stapeldiagram på en datorskärm som visar antal granskade leverantörer per riskområde.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "fran-bomullsfalt-till-vardavdelning",
        "title": "Från bomullsfält till vårdavdelning – riskerna i textilernas leveranskedja",
        "lead": (
            "Vården använder enorma mängder textilier. Men vem har plockat bomullen, spunnit "
            "garnet och sytt patientskjortan? Vi har tittat närmare på riskerna i textilernas "
            "leveranskedja."
        ),
        "body": """<p>En patientskjorta kan ha passerat fyra eller fem länder innan den hamnar på en vårdavdelning i Sverige. Bomullen odlas på ett ställe, spinns och vävs på ett annat, färgas på ett tredje och sys ihop på ett fjärde. Varje led har sina egna risker.</p>
<h2>Riskerna i de olika leden</h2>
<p>I odlingsledet finns risker för barnarbete och tvångsarbete, och för omfattande användning av bekämpningsmedel. I spinnerier och väverier har det rapporterats om unga kvinnor som bor på fabriksområdet och får ut en del av lönen först när kontraktet löper ut. I färgerierna hanteras kemikalier som kan skada både arbetare och vattendrag om reningen är bristfällig. Och i sömnadsfabrikerna är låga löner, tvingande övertid och brister i byggnadssäkerhet återkommande problem.</p>
<p>För regionerna är det svårt att följa upp alla led. Därför fokuserar vi på att leverantörerna ska kunna visa var sömnad och färgning sker, och att de har en plan för att kartlägga leden längre bak.</p>
<p>Västra Götalandsregionen, som har huvudansvaret för riskområdet textil, planerar ett gemensamt projekt med andra offentliga köpare i Norden för att kunna ställa krav på spårbarhet hela vägen till fibern.</p>""",
        "status": "published",
        "published_at": "2018-05-24T13:00:00+02:00",
        "authors": ["Amira Haddad"],
        "tags": ["textil", "riskanalys", "leveranskedjor"],
        "language": "sv",
        "image_alt": "Travar av vikta ljusblå patientskjortor på en hylla i ett sjukhusförråd.",
        "image_caption": "",
        "image_credit": "Foto: Amira Haddad/Nationella kansliet",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "manskliga-rattigheter-i-fokus-i-santiago",
        "title": "Mänskliga rättigheter i offentlig upphandling i fokus vid konferens i Santiago",
        "lead": (
            "Kansliet var inbjudet som talare när det latinamerikanska upphandlingsnätverket "
            "RICG samlades i Chile. Intresset för hur de svenska regionerna följer upp sina "
            "krav var stort."
        ),
        "body": """<p>Offentliga inköp motsvarar en betydande del av ekonomin i de flesta länder, och stater har enligt FN:s vägledande principer ett särskilt ansvar för att de företag de gör affärer med respekterar mänskliga rättigheter. I Santiago diskuterade ett trettiotal länder i Nord- och Sydamerika hur det ansvaret kan omsättas i praktiken.</p>
<p>Vi berättade om hur regionerna har byggt upp ett gemensamt system med uppförandekod, riskanalys och uppföljning. Frågorna handlade mycket om det konkreta: Hur formulerar man ett kontraktsvillkor som går att följa upp? Vad kostar revisionerna? Och vad händer när en leverantör inte vill samarbeta?</p>
<h2>Olika länder, olika utmaningar</h2>
<p>Flera av länderna använder redan upphandling för sociala mål, men fokus skiljer sig åt. Några arbetar med att öppna offentliga kontrakt för kvinnoägda företag eller för urfolks organisationer. Andra kämpar med en stor informell sektor där arbetare saknar både avtal och socialförsäkring. För små importberoende ekonomier kan det vara svårt att se hur man som liten köpare ska kunna påverka globala tillverkare.</p>
<p>Just där tror vi att den svenska erfarenheten är användbar. Ingen enskild region har särskilt stor påverkan på en global leverantör, men tillsammans blir vi en kund som märks. Samma logik kan fungera för samarbeten mellan länder.</p>
<p>Vi kommer att dela vår vägledning till uppförandekoden med RICG:s medlemmar, och Danish Institute for Human Rights har bjudit in till en fortsatt dialog om gemensamma verktyg.</p>""",
        "status": "published",
        "published_at": "2018-10-02T11:00:00+02:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["mänskliga rättigheter", "internationellt samarbete"],
        "language": "sv",
        "image_alt": "Tre personer sitter i en panel på en scen framför en stor skärm med spansk text.",
        "image_caption": (
            "Från vänster: Camila Rojas Valdés, Coordinadora técnica, RICG; Line Bech Thomsen, "
            "Adviser, Danish Institute for Human Rights; och Karin Lindqvist Berg, nationell "
            "samordnare, Nationella kansliet för hållbar upphandling."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["konferens-manskliga-rattigheter-upphandling-santiago"],
        "is_featured": False,
    },
    # ------------------------------ 2019 ------------------------------
    {
        "slug": "webbinarium-om-kemikaliekontroll",
        "title": "Webbinarium om kemikaliekontroll lockade över hundra deltagare",
        "lead": (
            "Hur får man koll på kemikalierna i det man köper? Det var frågan när kansliet och "
            "Stockholms universitet bjöd in till webbinarium. Nu finns inspelningen tillgänglig."
        ),
        "body": """<p>Över hundra upphandlare, miljöstrateger och leverantörer deltog i tisdagens webbinarium om kemikaliekontroll i upphandlade varor. Ingrid Falk, docent i miljövetenskap vid Stockholms universitet, inledde med att beskriva varför det ofta är svårt att få fram information om vilka ämnen en vara innehåller.</p>
<blockquote><p>Informationen finns ofta någonstans i leveranskedjan, men den tappas bort på vägen. Upphandlaren är en av få aktörer som kan kräva att den följer med.</p></blockquote>
<p>Maria Sjöholm från Upphandlingsmyndigheten gav exempel på krav som går att följa upp, och Johan Ekström presenterade planerna för en gemensam kemikaliedatabas för regionernas förbrukningsmaterial.</p>
<p>Webbinariet var det första i en serie. Se <a href="https://example.org/webbinarier/kemikaliekontroll">inspelningen och presentationerna</a>.</p>""",
        "status": "published",
        "published_at": "2019-02-07T11:00:00+01:00",
        "authors": ["Johan Ekström"],
        "tags": ["kemikalier", "miljö"],
        "language": "sv",
        "image_alt": "Skärmbild från ett digitalt möte där tre talare syns i var sin ruta bredvid en presentationsbild.",
        "image_caption": (
            "Ingrid Falk, docent i miljövetenskap, Stockholms universitet; Maria Sjöholm, "
            "hållbarhetsspecialist, Upphandlingsmyndigheten; och Johan Ekström, nationell "
            "miljösamordnare, Nationella kansliet för hållbar upphandling."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["webbinarium-kemikaliekontroll-i-upphandlade-varor"],
        "is_featured": False,
    },
    {
        "slug": "rapporter-om-tvangsarbete-i-handskindustrin",
        "title": "Rapporter om tvångsarbete i malaysisk handskindustri – så agerar regionerna",
        "lead": (
            "Internationella medier har rapporterat om allvarliga missförhållanden hos "
            "tillverkare av medicinska handskar i Malaysia. Flera av fabrikerna levererar "
            "till svensk sjukvård."
        ),
        "body": """<p>Malaysia är en av världens största tillverkare av medicinska engångshandskar. En stor del av arbetskraften består av migrantarbetare från bland annat Nepal och Bangladesh. Rapporterna beskriver arbetare som har betalat stora summor i rekryteringsavgifter för att få jobbet, som har fått sina pass beslagtagna och som arbetar långt mer övertid än lagen tillåter.</p>
<p>Flera av de tillverkare som pekas ut finns i leveranskedjan hos leverantörer som har avtal med regionerna. Vi ser mycket allvarligt på uppgifterna, eftersom de beskriver förhållanden som kan utgöra tvångsarbete.</p>
<h2>Vad gör regionerna nu?</h2>
<ul>
<li>Berörda leverantörer har ombetts redogöra för vilka fabriker deras handskar kommer från och vilka åtgärder de har vidtagit.</li>
<li>Vi kräver att rekryteringsavgifter som arbetare har betalat ska ersättas.</li>
<li>Vi samordnar oss med offentliga köpare i Norge, Danmark och Storbritannien för att ställa samma krav.</li>
</ul>
<p>Att byta leverantör kan låta som den enklaste lösningen, men det hjälper sällan arbetarna. Vår utgångspunkt är att leverantörerna ska använda sitt inflytande för att förhållandena ska förbättras, och att vi följer upp att det verkligen sker.</p>""",
        "status": "published",
        "published_at": "2019-02-19T15:30:00+01:00",
        "authors": ["Sara Nyberg"],
        "tags": ["mänskliga rättigheter", "medicinteknik", "uppföljning"],
        "language": "sv",
        "image_alt": "Blå engångshandskar av nitril i en pappkartong på ett rostfritt bord.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "farre-forbrukningsartiklar-med-ftalater",
        "title": "Miljökrav ger effekt: färre förbrukningsartiklar med ftalater",
        "lead": (
            "Sedan regionerna började ställa krav på ftalatfria alternativ har antalet "
            "förbrukningsartiklar med prioriterade ftalater minskat med drygt en tredjedel."
        ),
        "body": """<p>Ftalater används för att göra plast mjuk och böjlig, och finns i allt från slangar och påsar till handskar och förkläden. Flera ftalater är klassade som reproduktionsstörande och vissa misstänks vara hormonstörande. Patienter som får dropp eller dialys under lång tid, liksom för tidigt födda barn, kan utsättas för förhöjda halter.</p>
<p>En av regionernas varuförsörjningar har under flera år samlat in uppgifter från leverantörerna om vilka ämnen varje artikel i sortimentet innehåller. Med den kunskapen har det gått att peka ut de artiklar som bör bytas först, formulera mål med tydliga siffror och stämma av utvecklingen varje år.</p>
<p>Resultatet är tydligt: på fyra år har antalet sådana artiklar minskat med drygt en tredjedel. Många har ersatts av produkter med andra mjukgörare eller av andra material.</p>
<p>– Det visar att krav i upphandlingar ger effekt när de kombineras med bra data och uthållighet, säger Johan Ekström, nationell miljösamordnare.</p>""",
        "status": "published",
        "published_at": "2019-02-26T09:00:00+01:00",
        "authors": ["Amira Haddad"],
        "tags": ["kemikalier", "miljö", "uppföljning"],
        "language": "sv",
        "image_alt": "Genomskinliga droppslangar och infusionspåsar upphängda på ett droppställ.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "besok-hos-region-blekinge",
        "title": "Besök hos Region Blekinge: miljösamordning och medicinteknik",
        "lead": (
            "Kansliet besökte Region Blekinge för att berätta om den nya nationella "
            "miljösamordningen och diskutera hur mindre regioner kan dra nytta av det "
            "gemensamma arbetet."
        ),
        "body": """<p>I Karlskrona träffade vi upphandlingschefen Helena Strandberg och ett tiotal medarbetare från regionens upphandlings- och miljöenheter. Vi beskrev hur den nationella miljösamordningen ska fungera: gemensamma kemikaliekrav, ett nätverk för miljöstrateger och stöd i upphandlingar där miljöriskerna är stora.</p>
<p>En stor del av samtalet handlade om medicinteknik. Region Blekinge har ett begränsat antal upphandlare och kan inte följa upp varje avtal på egen hand.</p>
<blockquote><p>För oss är det avgörande att kunna luta oss mot den gemensamma uppföljningen. Annars skulle vi inte ha en chans att hinna med.</p></blockquote>
<p>Det sa Helena Strandberg när vi pratade om hur resultat från revisioner i andra regioner kan återanvändas. Vi kom överens om att regionen ska delta i nästa omgång av uppföljningen inom riskområdet medicinteknik.</p>""",
        "status": "published",
        "published_at": "2019-03-14T16:00:00+01:00",
        "authors": ["Karin Lindqvist Berg", "Johan Ekström"],
        "tags": ["regioner", "medicinteknik", "miljö"],
        "language": "sv",
        "image_alt": "Fyra personer sitter runt ett mötesbord med kaffekoppar och papper.",
        "image_caption": (
            "Helena Strandberg, upphandlingschef, Region Blekinge, tillsammans med Karin "
            "Lindqvist Berg, nationell samordnare, och Johan Ekström, nationell "
            "miljösamordnare, Nationella kansliet för hållbar upphandling."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["mote-med-region-blekinge"],
        "is_featured": False,
    },
    {
        "slug": "region-stockholm-metod-for-risker-i-ikt",
        "title": "Region Stockholm har tagit fram en metod för riskhantering i IKT-upphandlingar",
        "lead": (
            "Region Stockholm har använt en serie upphandlingar av datorer och mobiler för att "
            "pröva nya arbetssätt. Resultatet är en metod som nu kan användas av fler regioner."
        ),
        "body": """<p>Inom regionernas samarbete är det Region Stockholm som leder arbetet med IKT. Förra året upphandlade regionen bland annat datorer, bildskärmar och mobiltelefoner, och använde tillfället för att pröva hur hållbarhetsriskerna kan hanteras i varje steg av upphandlingen.</p>
<p>Metoden består av tre delar:</p>
<ul>
<li><strong>Före annonsering:</strong> en riskanalys av den aktuella produktgruppen och en dialog med marknaden om vilka krav som är rimliga.</li>
<li><strong>Vid utvärdering:</strong> krav på att anbudsgivarna redovisar sitt systematiska arbete med hållbara leveranskedjor, inte bara sina policyer.</li>
<li><strong>Under avtalstiden:</strong> en plan för uppföljning med tydliga tidpunkter och ansvar.</li>
</ul>
<p>– En snygg policy räcker inte. Vi vill se att leverantören vet vilka fabriker som har monterat produkterna och vad som händer när något går fel, säger Erik Dahlgren, strateg för hållbar IKT-upphandling på Region Stockholm.</p>
<p>Metoden finns beskriven i en <a href="https://example.org/ikt/metod">vägledning</a> som andra regioner och kommuner får använda fritt.</p>""",
        "status": "published",
        "published_at": "2019-03-20T10:00:00+01:00",
        "authors": ["Amira Haddad"],
        "tags": ["ikt", "riskanalys", "regioner"],
        "language": "sv",
        "image_alt": "En man står framför en hylla med bärbara datorer i ett IT-förråd.",
        "image_caption": "Erik Dahlgren, strateg för hållbar IKT-upphandling, Region Stockholm.",
        "image_credit": "Foto: Amira Haddad/Nationella kansliet",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "ny-vagledning-till-uppforandekoden",
        "title": "Ny vägledning hjälper leverantörerna att tolka uppförandekoden",
        "lead": (
            "Vad betyder det egentligen att en leverantör ska arbeta med riskbaserad granskning? "
            "En ny vägledning förklarar kraven i uppförandekoden med exempel från verkligheten."
        ),
        "body": """<p>Många leverantörer har efterfrågat mer stöd i hur kraven i uppförandekoden ska tolkas. Särskilt mindre företag, som saknar egen hållbarhetsavdelning, har haft svårt att veta vad som förväntas av dem. Den nya vägledningen har tagits fram tillsammans med Swedish Medtech och ett antal leverantörer.</p>
<h2>Innehåll</h2>
<p>Vägledningen går igenom varje krav i koden och beskriver:</p>
<ul>
<li>vad kravet innebär och vilka internationella standarder det bygger på</li>
<li>vilken dokumentation regionerna kan komma att efterfråga vid uppföljning</li>
<li>exempel på hur andra leverantörer har arbetat</li>
</ul>
<p>Ett eget avsnitt handlar om vad som händer när en leverantör upptäcker allvarliga problem i sin leveranskedja. Vår utgångspunkt är att det är bättre att problem kommer fram och åtgärdas än att de döljs. En leverantör som själv rapporterar brister och visar hur de hanteras har gjort precis det vi förväntar oss.</p>
<p><a href="https://example.org/uppforandekod/vagledning">Läs vägledningen</a> (finns även på engelska).</p>""",
        "status": "published",
        "published_at": "2019-11-05T09:00:00+01:00",
        "authors": ["Sara Nyberg"],
        "tags": ["uppförandekod", "leverantörsdialog"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    # ------------------------------ 2020 ------------------------------
    {
        "slug": "pandemin-och-arbetsvillkoren-i-leveranskedjorna",
        "title": "Pandemin ställer nya frågor om arbetsvillkor i leveranskedjorna",
        "lead": (
            "När efterfrågan på skyddsutrustning rusar ökar risken för att arbetare i "
            "fabrikerna får betala priset. Samtidigt går det inte längre att resa för att "
            "följa upp på plats."
        ),
        "body": """<p>Under de senaste veckorna har efterfrågan på handskar, munskydd och skyddsrockar ökat mer än någon kunnat förutse. Regionerna gör allt för att vården ska ha den utrustning som behövs. Men vi vet också att plötsliga toppar i efterfrågan ofta leder till extrem övertid och att tillverkare tar in tillfällig arbetskraft via rekryteringsbyråer.</p>
<p>De revisioner på plats som var planerade för våren är inställda. I stället ber vi leverantörerna om skriftlig information om hur arbetstider och rekrytering hanteras, och vi undersöker möjligheten att genomföra intervjuer med arbetare på distans tillsammans med lokala organisationer.</p>
<p>Hållbarhetskraven i avtalen gäller även i en kris. Vi förstår att leverantörerna har en mycket pressad situation, och vi kommer att vara pragmatiska när det gäller tidsfrister. Men vi förväntar oss att de har fortsatt uppsikt över sina leveranskedjor och att de hör av sig om de ser tecken på att arbetarnas situation förvärras.</p>""",
        "status": "published",
        "published_at": "2020-03-30T12:00:00+02:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["leveranskedjor", "uppföljning", "mänskliga rättigheter"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "gemensamma-kemikaliekrav-for-forbrukningsmaterial",
        "title": "Gemensamma kemikaliekrav för förbrukningsmaterial",
        "lead": (
            "Regionerna har enats om en gemensam lista över ämnen som ska undvikas i "
            "förbrukningsmaterial. Listan börjar användas i upphandlingar efter sommaren."
        ),
        "body": """<p>Tidigare har varje region haft sina egna kemikaliekrav. Det har varit tidskrävande för upphandlarna och förvirrande för leverantörerna, som har fått besvara olika frågor om samma produkter. Nu finns en gemensam lista som har tagits fram i regionernas nätverk för miljöstrateger.</p>
<p>Listan omfattar ämnen som är cancerogena, mutagena eller reproduktionstoxiska, ämnen som är hormonstörande samt vissa ftalater och bromerade flamskyddsmedel. Kraven är indelade i två nivåer: ska-krav som gäller alla produkter och en mer långtgående nivå som kan användas där det finns alternativ på marknaden.</p>
<p>Till kraven hör en gemensam mall för hur leverantörerna ska redovisa kemikalieinnehåll. Det gör det möjligt att samla informationen på ett ställe och följa utvecklingen över tid.</p>
<p>– Gemensamma krav ger en tydligare signal till marknaden, och det blir lättare för leverantörerna att göra rätt, säger Lena Persson Hallberg, miljöstrateg i Region Skåne.</p>""",
        "status": "published",
        "published_at": "2020-06-10T09:00:00+02:00",
        "authors": ["Johan Ekström"],
        "tags": ["kemikalier", "miljö", "regioner"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "leverantorsdialog-om-kirurgiska-instrument",
        "title": "Leverantörsdialog om kirurgiska instrument: från revision till förbättring",
        "lead": (
            "Ett trettiotal leverantörer deltog när regionerna bjöd in till digital dialog om "
            "arbetsvillkoren i tillverkningen av kirurgiska instrument. Fokus låg på hur "
            "förbättringar kan nå underleverantörerna i de tidiga leden."
        ),
        "body": """<p>Kirurgiska instrument har varit ett prioriterat riskområde sedan regionernas samarbete startade. Revisioner i Pakistan har återkommande visat på brister i arbetsmiljön, framför allt vid slipning och polering, där arbetare utsätts för metalldamm och buller.</p>
<p>Under dialogen presenterade Sara Nyberg en sammanställning av resultaten från de senaste årens revisioner. Bilden är blandad. Hos de större tillverkarna har arbetsmiljön förbättrats påtagligt, men hos de små verkstäder som utför delar av tillverkningen ser det i många fall ut som för tio år sedan.</p>
<h2>Branschgemensamt arbete</h2>
<p>Rebecca Whitfield från Ethical Trading Initiative berättade om ett projekt där köpare från flera länder tillsammans med leverantörer arbetar direkt med underleverantörerna i Sialkot. Projektet utbildar verkstadsägare i arbetsmiljö och hjälper dem att registrera sina anställda så att de omfattas av den sociala tryggheten.</p>
<p>Oskar Lundin från Swedish Medtech betonade att leverantörerna behöver långsiktighet:</p>
<blockquote><p>Ett företag som investerar i sina underleverantörer måste kunna räkna med att det lönar sig i nästa upphandling. Annars är det priset som styr.</p></blockquote>
<p>Regionerna tar med sig synpunkterna in i arbetet med nästa version av uppförandekoden. Presentationerna finns på <a href="https://example.org/leverantorsdialog/instrument-2020">sidan om leverantörsdialogen</a>.</p>""",
        "status": "published",
        "published_at": "2020-10-15T10:00:00+02:00",
        "authors": ["Sara Nyberg", "Amira Haddad"],
        "tags": ["leverantörsdialog", "medicinteknik", "uppföljning"],
        "language": "sv",
        "image_alt": "Kirurgiska instrument av rostfritt stål – saxar, pincetter och peanger – uppradade på en grön duk.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["leverantorsdialog-kirurgiska-instrument"],
        "is_featured": False,
    },
    {
        "slug": "handsktillverkare-betalar-tillbaka-rekryteringsavgifter",
        "title": "Handsktillverkare betalar tillbaka rekryteringsavgifter till migrantarbetare",
        "lead": (
            "Efter krav från bland andra de svenska regionerna har två tillverkare av "
            "medicinska handskar i Malaysia börjat betala tillbaka de avgifter som "
            "migrantarbetare tvingats betala för att få sina jobb."
        ),
        "body": """<p>När rapporterna om missförhållanden i den malaysiska handskindustrin kom krävde regionerna att leverantörerna skulle se till att arbetarna fick tillbaka sina rekryteringsavgifter. Avgifterna motsvarade i många fall flera månadslöner och hade gjort att arbetarna hamnat i skuld.</p>
<p>Nu har två tillverkare som finns i regionernas leveranskedjor presenterat planer för återbetalning. Totalt berörs flera tusen arbetare. Återbetalningen sker i omgångar under ett års tid och följs upp av en oberoende part.</p>
<p>Det är ett viktigt steg, men det finns mycket kvar att göra. Arbetstiderna är fortsatt mycket långa, och under pandemin har trycket på fabrikerna ökat ytterligare. Vi fortsätter att följa upp tillsammans med andra offentliga köpare i Europa.</p>""",
        "status": "published",
        "published_at": "2020-12-03T09:30:00+01:00",
        "authors": ["Sara Nyberg"],
        "tags": ["mänskliga rättigheter", "uppföljning", "medicinteknik"],
        "language": "sv",
        "image_alt": "En lång rad porslinsformar i form av händer på ett löpande band i en handskfabrik.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    # ------------------------------ 2021 ------------------------------
    {
        "slug": "panelsamtal-om-migrantarbetarnas-skulder",
        "title": "Panelsamtal: vem bär ansvaret för migrantarbetarnas skulder?",
        "lead": (
            "Hur kan köpare, leverantörer och internationella organisationer se till att "
            "arbetare i handskindustrin slipper betala för att få jobb? Det diskuterades i "
            "kansliets panelsamtal, som nu finns att se i efterhand."
        ),
        "body": """<p>Över 250 personer följde panelsamtalet, som leddes av Amira Haddad. Aisha Rahman från ILO inledde med att förklara hur rekryteringsavgifter fungerar: arbetare lånar pengar hemma för att betala agenter, och skulden gör det i praktiken omöjligt att säga upp sig.</p>
<blockquote><p>Principen måste vara att arbetsgivaren betalar kostnaden för rekryteringen, inte arbetaren. Det är inte en fråga om välgörenhet utan om att följa internationella normer.</p></blockquote>
<p>Oskar Lundin från Swedish Medtech menade att leverantörerna har blivit betydligt mer medvetna om problemen de senaste åren, men att det är svårt att kontrollera rekryteringsagenter i flera länder. Sara Nyberg från kansliet lyfte fram att offentliga köpare behöver samordna sig internationellt, eftersom en handskfabrik i Malaysia säljer till hela världen.</p>
<p>Panelen var enig om att öppenhet är nyckeln. Leverantörer som redovisar vilka fabriker de använder, och vad revisionerna visar, gör det möjligt för fackföreningar och ideella organisationer att bidra till uppföljningen.</p>
<p><a href="https://example.org/webbinarier/panel-handskar">Se inspelningen med svensk textning</a>.</p>""",
        "status": "published",
        "published_at": "2021-04-22T09:00:00+02:00",
        "authors": ["Amira Haddad"],
        "tags": ["mänskliga rättigheter", "leveranskedjor", "leverantörsdialog"],
        "language": "sv",
        "image_alt": "Skärmbild från ett digitalt panelsamtal med fyra deltagare i var sin bildruta.",
        "image_caption": (
            "Amira Haddad, kommunikatör, Nationella kansliet för hållbar upphandling (moderator); "
            "Aisha Rahman, Senior Specialist on Forced Labour, ILO; Oskar Lundin, branschexpert, "
            "Swedish Medtech; och Sara Nyberg, hållbarhetsstrateg, Nationella kansliet för "
            "hållbar upphandling."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["panelsamtal-migrantarbetare-i-handskindustrin"],
        "is_featured": False,
    },
    {
        "slug": "klimatberakning-av-regionernas-inkop",
        "title": "Klimatberäkning: medicinteknik och livsmedel står för en stor del av inköpens utsläpp",
        "lead": (
            "För första gången har regionerna gjort en gemensam beräkning av klimatpåverkan "
            "från sina inköp. Resultatet visar var klimatkraven gör störst nytta."
        ),
        "body": """<p>Det mesta av hälso- och sjukvårdens klimatpåverkan uppstår inte i den egna verksamheten utan i tillverkningen av det som köps in. Därför har regionerna låtit beräkna utsläppen från inköpen med hjälp av ekonomiska data och utsläppsfaktorer per produktkategori.</p>
<p>Beräkningen visar att medicintekniska produkter, läkemedel, livsmedel och byggentreprenader tillsammans står för mer än hälften av inköpens klimatpåverkan. Inom medicinteknik är det särskilt engångsprodukter av plast och textil som sticker ut.</p>
<p>Metoden har sina begränsningar. Den bygger på genomsnitt och fångar inte skillnader mellan olika leverantörers produkter. Men den ger en bra grund för att prioritera var det är mest angeläget att ställa klimatkrav och arbeta med cirkulära lösningar som återanvändning.</p>
<p>Nästa steg är att ta fram gemensamma klimatkrav för några av de prioriterade produktgrupperna. Region Skåne leder det arbetet.</p>""",
        "status": "published",
        "published_at": "2021-06-09T10:00:00+02:00",
        "authors": ["Johan Ekström"],
        "tags": ["klimat", "miljö", "regioner"],
        "language": "sv",
        "image_alt": "Ett cirkeldiagram som visar fördelningen av klimatpåverkan mellan olika inköpskategorier.",
        "image_caption": "",
        "image_credit": "Illustration: Nationella kansliet",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "textilupphandling-med-krav-pa-sparbarhet",
        "title": "Textilupphandling med krav på spårbarhet",
        "lead": (
            "I Västra Götalandsregionens nya upphandling av patientkläder måste leverantörerna "
            "kunna redovisa var tygerna har vävts och färgats."
        ),
        "body": """<p>Kravet är ett första steg mot spårbarhet hela vägen till fibern. Leverantören ska vid avtalsstart ange sömnadsfabrik, väveri och färgeri för varje produkt, och informationen ska hållas uppdaterad under avtalstiden.</p>
<p>– Vi kan inte ta ansvar för en leveranskedja vi inte känner till. Spårbarheten är grunden för allt annat hållbarhetsarbete, säger Nils Åkerlund, hållbarhetsspecialist på Västra Götalandsregionen.</p>
<p>Upphandlingen föregicks av en dialog med leverantörer, som visade att de flesta redan har kunskap om sina väverier men att informationen om färgerier ofta saknas.</p>""",
        "status": "published",
        "published_at": "2021-09-28T09:00:00+02:00",
        "authors": ["Sara Nyberg"],
        "tags": ["textil", "leveranskedjor", "uppförandekod"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    # ------------------------------ 2022 ------------------------------
    {
        "slug": "handlingsplan-for-medicinska-handskar",
        "title": "Ny handlingsplan för medicinska handskar",
        "lead": (
            "Regionerna antar en treårig handlingsplan för riskområdet medicinska handskar. "
            "Målet är att inga arbetare i leveranskedjan ska ha skulder till följd av "
            "rekryteringsavgifter."
        ),
        "body": """<p>Handskar är en av de produkter som regionerna köper i allra störst volym. Efter flera års uppföljning vet vi mycket om riskerna i tillverkningen, framför allt i Malaysia och Thailand. Handlingsplanen samlar arbetet och sätter upp mätbara mål.</p>
<h2>Planen i korthet</h2>
<ul>
<li><strong>Spårbarhet:</strong> samtliga leverantörer ska redovisa tillverkande fabriker för alla handskar i regionernas avtal.</li>
<li><strong>Rekrytering:</strong> fabrikerna ska tillämpa principen att arbetsgivaren betalar, och tidigare avgifter ska ha återbetalats.</li>
<li><strong>Arbetstid:</strong> övertiden ska minska till lagstadgade nivåer.</li>
<li><strong>Klagomålsmekanismer:</strong> arbetare ska kunna framföra klagomål på sitt eget språk utan risk för repressalier.</li>
</ul>
<p>Planen följs upp årligen och resultaten publiceras här på webbplatsen. Arbetet sker i samverkan med offentliga köpare i Norden och Storbritannien, så att leverantörerna möter samma krav från flera håll.</p>""",
        "status": "published",
        "published_at": "2022-02-16T10:00:00+01:00",
        "authors": ["Karin Lindqvist Berg", "Sara Nyberg"],
        "tags": ["medicinteknik", "riskanalys", "leverantörsdialog"],
        "language": "sv",
        "image_alt": "Staplade kartonger med engångshandskar i ett centrallager.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "procurement-against-trafficking-in-vienna",
        "title": "Procurement against trafficking on the agenda in Vienna",
        "lead": (
            "Five years after the first OSCE workshops, governments met in Vienna to take stock. "
            "The message: the tools exist, but they need to be used far more widely."
        ),
        "body": """<p>More than 300 participants from ministries, procurement agencies, business and civil society gathered at the Hofburg for the OSCE conference on public procurement and the prevention of human trafficking. Since the OSCE published its model guidelines in 2018, several countries have introduced laws on human rights due diligence, and the European Union is preparing legislation of its own.</p>
<p>Line Bech Thomsen from the Danish Institute for Human Rights opened the first panel by pointing out that public buyers are still rarely mentioned in these laws, even though the public sector accounts for a large share of demand in many markets.</p>
<p>In the panel on practical tools, the national secretariat described how the Swedish regions have worked with medical gloves since 2019: tracing factories, demanding repayment of recruitment fees and coordinating with buyers in other countries.</p>
<blockquote><p>What the Swedish regions have shown is that you do not need to be a large country to make a difference. You need to be consistent, and you need to work together.</p></blockquote>
<p>So said Jonas Virtanen from the CBSS at the closing session. The OSCE will publish a summary of the conference, and a follow-up meeting for procurement practitioners is planned for next year.</p>""",
        "status": "published",
        "published_at": "2022-11-21T09:00:00+01:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["människohandel", "internationellt samarbete"],
        "language": "en",
        "image_alt": "Four panellists on a stage in an ornate hall with chandeliers.",
        "image_caption": (
            "From left: Irina Kovalenko, Senior Adviser, OSCE; Line Bech Thomsen, Adviser, Danish "
            "Institute for Human Rights; Jonas Virtanen, Senior Adviser, CBSS; and Karin Lindqvist "
            "Berg, National Coordinator, National Secretariat for Sustainable Public Procurement."
        ),
        "image_credit": "Photo: National Secretariat",
        "image_decorative": False,
        "events": ["osce-conference-vienna-2022"],
        "is_featured": False,
    },
    {
        "slug": "tre-lardomar-fran-wien",
        "title": "Tre lärdomar från Wien",
        "lead": (
            "Vad tar vi med oss hem från OSCE:s konferens om upphandling och människohandel? "
            "Här är tre saker som kommer att påverka regionernas arbete framåt."
        ),
        "body": """<p>Konferensen i Wien samlade många av dem som har drivit frågan om offentlig upphandling och människohandel de senaste åren. Tre lärdomar sticker ut.</p>
<ul>
<li><strong>Lagstiftningen kommer i kapp.</strong> När företag blir skyldiga att granska sina leveranskedjor får offentliga köpare en ny roll: att efterfråga och följa upp det arbetet, snarare än att göra det åt leverantörerna.</li>
<li><strong>Arbetarnas röst saknas fortfarande.</strong> Revisioner är viktiga, men de ger en ögonblicksbild. Flera talare efterlyste mekanismer där arbetare löpande kan rapportera problem, och där köparna får ta del av informationen.</li>
<li><strong>Samarbete över gränserna fungerar.</strong> Erfarenheterna från handskindustrin visar att när köpare i flera länder ställer samma krav händer saker snabbare.</li>
</ul>
<p>Vi kommer att ta med de här lärdomarna när uppförandekoden ses över nästa år.</p>""",
        "status": "published",
        "published_at": "2022-11-29T14:00:00+01:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["människohandel", "riskanalys", "internationellt samarbete"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": ["osce-conference-vienna-2022"],
        "is_featured": False,
    },
    # ------------------------------ 2023 ------------------------------
    {
        "slug": "revisioner-hos-ikt-tillverkare",
        "title": "Revisioner hos IKT-tillverkare: arbetstider och praktikanter största problemen",
        "lead": (
            "Under 2022 genomfördes revisioner på sex fabriker som tillverkar datorer och "
            "skärmar åt regionernas leverantörer. Samtliga hade brister när det gäller arbetstid."
        ),
        "body": """<p>Revisionerna genomfördes av oberoende revisorer på uppdrag av Region Stockholm, som leder regionernas arbete inom riskområdet IKT. Fabrikerna ligger i Kina, Vietnam och Mexiko och valdes ut på grundval av riskanalysen och leverantörernas egen information.</p>
<p>På alla sex fabriker överskred arbetstiden de lagstadgade gränserna under högsäsong, i vissa fall med mer än 80 timmar övertid i månaden. På två fabriker arbetade studenter som praktikanter på produktionslinan, utan koppling till deras utbildning och med samma arbetstider som ordinarie anställda.</p>
<p>Revisionerna visade också positiva resultat. Brandsäkerheten var genomgående god, och samtliga fabriker hade fungerande system för att hantera farliga kemikalier.</p>
<p>Leverantörerna har tagit fram åtgärdsplaner som följs upp under året. För praktikanterna kräver vi att arbetet ska ha relevans för utbildningen och att arbetstiderna ska följa lagen.</p>""",
        "status": "published",
        "published_at": "2023-03-15T09:00:00+01:00",
        "authors": ["Sara Nyberg"],
        "tags": ["ikt", "uppföljning"],
        "language": "sv",
        "image_alt": "Arbetare i vita skyddsrockar vid en monteringslina för bildskärmar.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "mote-med-region-kronoberg-om-miljokrav",
        "title": "Möte med Region Kronoberg om miljökrav och klimat",
        "lead": (
            "Region Kronoberg bjöd in kansliet för att diskutera regionens nya miljöprogram och "
            "hur klimatkrav kan ställas vid byggnation."
        ),
        "body": """<p>I Växjö träffade vi Peter Gunnarsson, miljöchef i Region Kronoberg, och medarbetare från upphandlingsavdelningen och fastighetsförvaltningen. Regionen har nyligen antagit ett miljöprogram med mål om att halvera klimatpåverkan från inköpen.</p>
<p>Vi diskuterade hur de gemensamma kemikaliekraven kan användas i regionens upphandlingar av förbrukningsmaterial, och hur erfarenheter från andra regioner kan tas tillvara när det gäller klimatkrav i byggprojekt. Fastighetsförvaltningen berättade om ett pågående sjukhusbygge där byggmaterialens klimatpåverkan redovisas för första gången.</p>
<p>Vi kom överens om att Region Kronoberg ska delta i arbetsgruppen för gemensamma klimatkrav.</p>""",
        "status": "published",
        "published_at": "2023-05-11T08:45:00+02:00",
        "authors": ["Johan Ekström"],
        "tags": ["regioner", "miljö", "klimat"],
        "language": "sv",
        "image_alt": "Tre personer står framför en ritning av en sjukhusbyggnad som är uppsatt på en vägg.",
        "image_caption": (
            "Peter Gunnarsson, miljöchef, Region Kronoberg, och Sara Nyberg, hållbarhetsstrateg, "
            "Nationella kansliet för hållbar upphandling, tillsammans med en projektledare från "
            "regionens fastighetsförvaltning."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["mote-med-region-kronoberg"],
        "is_featured": False,
    },
    {
        "slug": "forslag-till-ny-uppforandekod-pa-remiss",
        "title": "Förslag till ny uppförandekod ute på remiss",
        "lead": (
            "Regionerna har tagit fram ett förslag till ny uppförandekod för leverantörer. "
            "Leverantörer, branschorganisationer och andra intresserade kan lämna synpunkter "
            "fram till den 15 december."
        ),
        "body": """<p>Den nuvarande uppförandekoden har använts i över sex år. Sedan dess har både förväntningarna på företag och lagstiftningen förändrats. Förslaget till ny kod tar hänsyn till de erfarenheter regionerna har gjort i uppföljningen och till de nya EU-regler som är på väg.</p>
<h2>Förslaget i korthet</h2>
<ul>
<li>Tydligare krav på att leverantören ska genomföra riskbaserad granskning, <em>due diligence</em>, och kunna redovisa resultatet.</li>
<li>Miljökrav förs in i koden, bland annat om kemikaliehantering och utsläpp till vatten.</li>
<li>Nytt krav på att arbetare i leveranskedjan ska ha tillgång till en klagomålsmekanism.</li>
<li>Förtydligade krav på ansvarsfull rekrytering.</li>
</ul>
<p>Vi vill särskilt ha synpunkter på hur kraven kan utformas så att de fungerar även för små och medelstora leverantörer. <a href="https://example.org/uppforandekod/remiss">Läs förslaget och lämna synpunkter</a>.</p>""",
        "status": "published",
        "published_at": "2023-10-04T10:00:00+02:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["uppförandekod", "leverantörsdialog"],
        "language": "sv",
        "image_alt": "En hand som håller en penna över ett utskrivet dokument med markeringar i marginalen.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    # ------------------------------ 2024 ------------------------------
    {
        "slug": "rundabordssamtal-om-hallbara-textilier",
        "title": "Rundabordssamtal om textilier: längre livslängd och bättre arbetsvillkor",
        "lead": (
            "Leverantörer, tvätterier och forskare samlades i Göteborg för att diskutera hur "
            "regionernas textilier kan bli mer hållbara – både för miljön och för dem som "
            "tillverkar dem."
        ),
        "body": """<p>Textilier är ett av de områden där sociala och miljömässiga risker hänger tätt ihop. Färgerier med dålig rening förorenar vattendrag där arbetarna själva bor, och pressade leveranstider leder både till övertid och till att kvaliteten blir lidande.</p>
<p>Nils Åkerlund från Västra Götalandsregionen inledde med att presentera hur regionens textilier används: en patientskjorta tvättas i genomsnitt ett femtiotal gånger innan den kasseras. Om livslängden kunde fördubblas skulle både miljöpåverkan och kostnaderna minska kraftigt.</p>
<h2>Det här kom fram</h2>
<ul>
<li>Tvätterierna efterfrågar tydligare information om material och tvättråd redan i upphandlingen.</li>
<li>Leverantörerna vill att regionerna premierar kvalitet och reparerbarhet, inte bara lägsta pris.</li>
<li>Forskarna pekade på att blandmaterial av bomull och polyester är svåra att återvinna.</li>
</ul>
<p>Johan Ekström presenterade hur miljökraven i den nya uppförandekoden ska tillämpas för textilier, och Sara Nyberg ledde ett samtal om hur uppföljningen av arbetsvillkor i spinnerier och väverier kan stärkas.</p>
<p>Synpunkterna tas med i förberedelserna inför nästa gemensamma textilupphandling.</p>""",
        "status": "published",
        "published_at": "2024-09-20T11:00:00+02:00",
        "authors": ["Sara Nyberg", "Johan Ekström"],
        "tags": ["textil", "miljö", "leverantörsdialog"],
        "language": "sv",
        "image_alt": "Åtta personer sitter runt ett runt bord med tygprover och kaffekoppar framför sig.",
        "image_caption": (
            "Nils Åkerlund, hållbarhetsspecialist, Västra Götalandsregionen, och Lena Persson "
            "Hallberg, miljöstrateg, Region Skåne, i samtal med leverantörer och forskare."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": ["rundabordssamtal-textil-goteborg"],
        "is_featured": False,
    },
    {
        "slug": "region-skane-testar-klimatkrav",
        "title": "Region Skåne testar klimatkrav i upphandling av förbrukningsmaterial",
        "lead": (
            "I en ny upphandling av engångsartiklar väger Region Skåne för första gången in "
            "produkternas klimatpåverkan vid utvärderingen av anbuden."
        ),
        "body": """<p>Upphandlingen omfattar bland annat förkläden, skoskydd och sängunderlägg, produkter som används i stora volymer och oftast slängs efter en användning. Anbudsgivarna ska redovisa produkternas klimatpåverkan enligt en gemensam beräkningsmodell, och ett lägre värde ger ett mervärde i utvärderingen.</p>
<p>– Vi vill belöna de leverantörer som har kommit längst, samtidigt som vi lär oss hur väl beräkningarna fungerar i praktiken, säger Lena Persson Hallberg, miljöstrateg i Region Skåne.</p>
<p>Upphandlingen är ett pilotprojekt inom regionernas arbetsgrupp för klimatkrav. Erfarenheterna ska sammanställas och delas med övriga regioner under nästa år.</p>""",
        "status": "published",
        "published_at": "2024-09-30T09:00:00+02:00",
        "authors": ["Johan Ekström"],
        "tags": ["klimat", "regioner", "miljö"],
        "language": "sv",
        "image_alt": "En kvinna i ett lager håller upp ett engångsförkläde i plast.",
        "image_caption": "Lena Persson Hallberg, miljöstrateg, Region Skåne.",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    # ------------------------------ 2025 ------------------------------
    {
        "slug": "eu-forbud-mot-produkter-fran-tvangsarbete",
        "title": "EU förbjuder produkter tillverkade med tvångsarbete – vad betyder det för regionerna?",
        "lead": (
            "EU:s nya förordning om förbud mot produkter som tillverkats med tvångsarbete ska "
            "börja tillämpas i december 2027. Vi reder ut vad den innebär för regionernas "
            "upphandlingar."
        ),
        "body": """<p>Förordningen innebär att produkter som har tillverkats helt eller delvis med tvångsarbete inte får släppas ut på EU-marknaden eller exporteras från den. Det är nationella myndigheter och EU-kommissionen som ska utreda misstänkta fall och kan besluta att produkter ska dras tillbaka.</p>
<h2>Vad ändras för regionerna?</h2>
<p>Förordningen riktar sig i första hand till företag, inte till upphandlande myndigheter. Men den påverkar regionernas arbete på flera sätt:</p>
<ul>
<li>Leverantörer kommer att behöva ha bättre kunskap om sina leveranskedjor, vilket underlättar uppföljningen av uppförandekoden.</li>
<li>Om en produkt förbjuds kan det påverka leveranser inom ett pågående avtal. Regionerna behöver ha beredskap för det.</li>
<li>Den information som kommissionen ska publicera om riskområden kan bli ett värdefullt underlag i riskanalysen.</li>
</ul>
<p>Förordningen ersätter inte regionernas eget ansvar. Den gemensamma uppförandekoden omfattar betydligt mer än tvångsarbete, och regionerna kommer även fortsättningsvis att följa upp arbetsvillkor, arbetsmiljö och miljö.</p>
<p>– Regionerna har ett försprång eftersom de redan i många år har ställt krav på att leverantörerna ska känna till sina leveranskedjor, säger Anders Holmgren, sakkunnig i offentlig upphandling på SKR. SKR följer genomförandet och kommer att ta fram stöd till regioner och kommuner.</p>""",
        "status": "published",
        "published_at": "2025-03-12T10:00:00+01:00",
        "authors": ["Karin Lindqvist Berg"],
        "tags": ["människohandel", "mänskliga rättigheter", "leveranskedjor"],
        "language": "sv",
        "image_alt": "EU-flaggor vajar framför en modern kontorsbyggnad i glas.",
        "image_caption": "",
        "image_credit": "Foto: Nationella kansliet",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "seminarium-om-hallbar-ikt",
        "title": "Hållbar IKT: erfarenheter från sju års upphandlingar",
        "lead": (
            "Vad har regionerna lärt sig om att ställa och följa upp hållbarhetskrav på datorer "
            "och mobiltelefoner? Det var temat när Region Stockholm och kansliet bjöd in till "
            "seminarium."
        ),
        "body": """<p>Drygt 80 deltagare fanns på plats i Regionens hus och ytterligare lika många följde seminariet digitalt. Erik Dahlgren från Region Stockholm gav en tillbakablick på regionernas arbete sedan metoden för riskhantering infördes.</p>
<p>– Det största som har hänt är att leverantörerna i dag vet vad vi kommer att fråga om. Hållbarheten är inte längre en bilaga som ingen läser, sa han.</p>
<p>Karin Lindqvist Berg beskrev hur riskanalysen för IKT har förändrats. I början handlade den nästan bara om slutmontering. I dag omfattar den även mineraler som kobolt och tenn, och frågor om elektronikavfall.</p>
<p>Maria Sjöholm från Upphandlingsmyndigheten presenterade myndighetens uppdaterade hållbarhetskriterier för IKT och hur de förhåller sig till regionernas krav. Under frågestunden diskuterades särskilt hur längre livslängd och begagnade produkter kan kombineras med krav på arbetsvillkor.</p>
<p><a href="https://example.org/seminarier/hallbar-ikt">Presentationerna finns att ladda ned</a>.</p>""",
        "status": "published",
        "published_at": "2025-10-09T13:00:00+02:00",
        "authors": ["Amira Haddad"],
        "tags": ["ikt", "riskanalys", "uppföljning"],
        "language": "sv",
        "image_alt": "En talare står vid ett podium framför en publik i en ljus konferenssal.",
        "image_caption": "Erik Dahlgren, strateg för hållbar IKT-upphandling, Region Stockholm, inleder seminariet.",
        "image_credit": "Foto: Amira Haddad/Nationella kansliet",
        "image_decorative": False,
        "events": ["seminarium-hallbar-ikt"],
        "is_featured": False,
    },
    {
        "slug": "medicinska-handskar-uppfoljningen-fortsatter",
        "title": "Medicinska handskar: uppföljningen fortsätter",
        "lead": (
            "Nästan fyra år efter att handlingsplanen för medicinska handskar antogs är "
            "resultaten tydliga när det gäller rekrytering. Arbetstiderna är fortfarande ett problem."
        ),
        "body": """<p>Samtliga leverantörer av handskar till regionerna har nu redovisat vilka fabriker som tillverkar deras produkter. Det är en stor skillnad mot när arbetet började, då många leverantörer inte kunde svara på frågan.</p>
<p>Årets uppföljning visar att fabrikerna i regionernas leveranskedjor har infört principen att arbetsgivaren betalar rekryteringskostnaderna. Intervjuer med arbetare bekräftar att nyanställda inte längre betalar avgifter till agenter i hemlandet.</p>
<p>Arbetstiderna är däremot fortfarande för långa på flera fabriker, särskilt när efterfrågan är hög. Flera leverantörer menar att det är svårt att förändra så länge köparna kräver korta leveranstider. Det är en synpunkt vi tar på allvar och som vi diskuterar med upphandlarna i regionerna.</p>
<p>Hela uppföljningsrapporten finns på <a href="https://example.org/rapporter/handskar-2025">rapportsidan</a>.</p>""",
        "status": "published",
        "published_at": "2025-10-22T09:00:00+02:00",
        "authors": ["Sara Nyberg"],
        "tags": ["medicinteknik", "uppföljning", "mänskliga rättigheter"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    # ------------------------------ 2026 ------------------------------
    {
        "slug": "regionerna-uppdaterar-riskanalysen",
        "title": "Regionerna uppdaterar riskanalysen – kemikalier och klimat får större vikt",
        "lead": (
            "Den gemensamma riskanalysen har gjorts om från grunden. För första gången väger "
            "den samman sociala risker med kemikalierisker och klimatpåverkan."
        ),
        "body": """<p>Sedan regionerna började samarbeta kring hållbar upphandling har riskanalysen främst handlat om arbetsvillkor och mänskliga rättigheter. Miljöfrågorna har hanterats i ett separat spår. Nu slås de ihop till en gemensam analys, som ska ge en samlad bild av var regionernas inköp medför störst risker.</p>
<h2>Så fungerar den nya analysen</h2>
<p>Varje produktområde bedöms utifrån tre perspektiv:</p>
<ul>
<li><strong>sociala risker</strong> – till exempel tvångsarbete, barnarbete och farlig arbetsmiljö i tillverkningsländerna</li>
<li><strong>kemikalierisker</strong> – förekomsten av särskilt farliga ämnen i produkterna och i tillverkningen</li>
<li><strong>klimatpåverkan</strong> – baserat på regionernas gemensamma klimatberäkning</li>
</ul>
<p>Bedömningen vägs samman med inköpsvolym och regionernas möjlighet att påverka. Resultatet är en lista över tolv prioriterade produktområden, där förbrukningsmaterial av plast och textilier har klättrat uppåt.</p>
<blockquote><p>Det blir allt tydligare att de leverantörer som har koll på arbetsvillkoren i sina fabriker också har koll på kemikalierna. Det är samma sorts arbete.</p></blockquote>
<p>Det säger Johan Ekström, som tillsammans med Sara Nyberg har lett arbetet med den nya analysen. <a href="https://example.org/riskanalys">Läs hela riskanalysen</a>.</p>""",
        "status": "published",
        "published_at": "2026-05-06T09:00:00+02:00",
        "authors": ["Sara Nyberg", "Johan Ekström"],
        "tags": ["riskanalys", "kemikalier", "klimat"],
        "language": "sv",
        "image_alt": "En värmekarta på en stor skärm där olika produktområden är markerade i grönt, gult och rött.",
        "image_caption": (
            "Sara Nyberg, hållbarhetsstrateg, och Johan Ekström, nationell miljösamordnare, "
            "Nationella kansliet för hållbar upphandling, presenterar den nya riskanalysen."
        ),
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": True,
    },
    {
        "slug": "valkommen-till-nationella-konferensen",
        "title": "Välkommen till nationella konferensen om hållbar upphandling",
        "lead": (
            "Nu är anmälan öppen till årets nationella konferens i Malmö. Under två dagar "
            "samlas regioner, kommuner, leverantörer och forskare för att diskutera hållbar "
            "upphandling i vården."
        ),
        "body": """<p>Konferensen arrangeras av Nationella kansliet tillsammans med Region Skåne och Sveriges Kommuner och Regioner. Den riktar sig till alla som arbetar med upphandling och hållbarhet i offentlig sektor, och till leverantörer som vill veta mer om vad regionerna kommer att efterfråga framöver.</p>
<p>Några av programpunkterna:</p>
<ul>
<li>Den nya uppförandekoden i praktiken – vad har förändrats för leverantörerna?</li>
<li>EU:s nya regler om tvångsarbete och hållbarhetsgranskning – vad gäller och när?</li>
<li>Aisha Rahman från ILO om rättvis rekrytering i globala leveranskedjor.</li>
<li>Klimatkrav i medicinteknik: erfarenheter från Region Skåne och Region Stockholm.</li>
</ul>
<p>Konferensen är kostnadsfri för medarbetare i regioner och kommuner. Datum, program och anmälan hittar du i kalendern här på webbplatsen. Antalet platser är begränsat.</p>""",
        "status": "published",
        "published_at": "2026-09-17T10:00:00+02:00",
        "authors": ["Amira Haddad"],
        "tags": ["regioner", "mänskliga rättigheter", "klimat"],
        "language": "sv",
        "image_alt": "Publik i en stor konsertsal med trägolv, fotograferad bakifrån mot en upplyst scen.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": True,
    },
    # ---- Utkast ----
    {
        "slug": "nya-miljokrav-for-engangsartiklar-i-plast",
        "title": "Nya miljökrav för engångsartiklar i plast",
        "lead": (
            "Regionerna förbereder gemensamma krav som ska minska mängden engångsplast i vården. "
            "Förslaget presenteras för nätverket av miljöstrateger i december."
        ),
        "body": """<p>Engångsartiklar av plast står för en stor del av vårdens avfall och av klimatpåverkan från förbrukningsmaterialet. Samtidigt är många av produkterna nödvändiga för att förebygga vårdrelaterade infektioner.</p>
<p>Arbetsgruppen föreslår därför en kombination av krav: lägre klimatpåverkan för de produkter som måste vara engångs, ökad andel återvunnen eller förnybar råvara, och att återanvändbara alternativ ska prövas där hygienkraven tillåter det.</p>
<p><em>[Utkast – kompletteras med citat från arbetsgruppen och länk till förslaget.]</em></p>""",
        "status": "draft",
        "published_at": "2026-11-05T09:00:00+01:00",
        "authors": ["Johan Ekström"],
        "tags": ["miljö", "kemikalier", "klimat"],
        "language": "sv",
        "image_alt": "Sorterade plastförpackningar från en vårdavdelning i en återvinningsbehållare.",
        "image_caption": "",
        "image_credit": _foto,
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
    {
        "slug": "sociala-risker-i-leveranskedjan-for-forbandsmaterial",
        "title": "Ny kartläggning: sociala risker i leveranskedjan för förbandsmaterial",
        "lead": (
            "En kartläggning av förbandsmaterial visar att bomullen i kompresser och bandage "
            "ofta kommer från länder med hög risk för tvångsarbete."
        ),
        "body": """<p>Förbandsmaterial har länge legat lägre i riskanalysen än handskar och instrument. En ny kartläggning, som kansliet har gjort tillsammans med tre leverantörer, visar att riskerna har underskattats.</p>
<p>Kartläggningen följde tolv produkter bakåt i leveranskedjan. För åtta av dem gick det att spåra bomullen till ursprungsland, och i flera fall fanns det risk för tvångsarbete i odlingsledet.</p>
<p>Nästa steg är en leverantörsdialog om hur spårbarheten kan förbättras.</p>
<p><em>[Utkast – inväntar granskning av leverantörerna innan publicering.]</em></p>""",
        "status": "draft",
        "published_at": "2026-11-15T09:00:00+01:00",
        "authors": ["Sara Nyberg", "Karin Lindqvist Berg"],
        "tags": ["riskanalys", "leveranskedjor", "textil"],
        "language": "sv",
        "image_alt": "",
        "image_caption": "",
        "image_credit": "",
        "image_decorative": False,
        "events": [],
        "is_featured": False,
    },
]

# ---------------------------------------------------------------------------
# Nyhetsbrev
# ---------------------------------------------------------------------------

NEWSLETTER_ISSUE = {
    "subject": "Nyhetsbrev: ny riskanalys, uppföljning av handskar och nationell konferens",
    "introduction": (
        "I det här numret berättar vi om regionernas nya gemensamma riskanalys, där "
        "kemikalier och klimat för första gången vägs in tillsammans med arbetsvillkor. "
        "Du kan också läsa om hur uppföljningen av medicinska handskar går och anmäla dig "
        "till höstens nationella konferens i Malmö."
    ),
    "article_slugs": [
        "regionerna-uppdaterar-riskanalysen",
        "medicinska-handskar-uppfoljningen-fortsatter",
        "valkommen-till-nationella-konferensen",
    ],
    "include_events": True,
}
