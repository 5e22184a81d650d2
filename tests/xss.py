"""A corpus of XSS payloads, and a check that none of them survived into a page.

Used by the HTML test (tests/secretariat/test_xss.py) and the browser test,
which also runs the page to see that nothing executes.
"""

from html.parser import HTMLParser

PAYLOADS = [
    "<script>window.__xss = 1</script>",
    '<img src="x" onerror="window.__xss = 1">',
    '<a href="javascript:window.__xss = 1">link</a>',
    '<a href="JaVaScRiPt:window.__xss = 1">link</a>',
    '<a href="&#106;avascript:window.__xss = 1">link</a>',
    '<a href="java&#x09;script:window.__xss = 1">link</a>',
    '<a href="  javascript:window.__xss = 1">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    "<svg onload=window.__xss=1>",
    '<iframe src="javascript:window.__xss = 1"></iframe>',
    '<math><mi xlink:href="javascript:window.__xss = 1">x</mi></math>',
    '<p style="background:url(javascript:window.__xss=1)">styled</p>',
    "<details open ontoggle=window.__xss=1><summary>x</summary></details>",
    '<form action="javascript:window.__xss = 1"><button>send</button></form>',
    '"><script>window.__xss = 1</script>',
    "<scr<script>ipt>window.__xss = 1</script>",
    "<!--<script>window.__xss = 1</script>-->",
    '<object data="javascript:window.__xss = 1"></object>',
    '<embed src="data:text/html,<script>window.__xss = 1</script>">',
    '<base href="javascript:window.__xss = 1//">',
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss = 1">',
    "<style>@import 'javascript:window.__xss = 1';</style>",
    "<input autofocus onfocus=window.__xss=1>",
    '<video><source onerror="window.__xss = 1"></video>',
    "<body onload=window.__xss=1>",
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=1>"></noscript>',
    "<svg><style><img src=x onerror=window.__xss=1></style></svg>",
    '<p><a href="https://example.org/" onclick="window.__xss = 1">ok link</a></p>',
    "{{ request.user.password }}{% debug %}",
]

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "poster"}
SCRIPT_SCHEMES = ("javascript:", "data:", "vbscript:")
FORBIDDEN_TAGS = {
    "script",
    "noscript",
    "iframe",
    "object",
    "embed",
    "base",
    "svg",
    "math",
    "style",
    "form",
}


class _Scanner(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name == "style":
                self.problems.append(f"<{tag} style>")
            squeezed = "".join((value or "").split()).lower()
            if name in URL_ATTRIBUTES and squeezed.startswith(SCRIPT_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if tag == "meta" and (name, squeezed) == ("http-equiv", "refresh"):
                self.problems.append("<meta http-equiv=refresh>")
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")


def dangerous_markup(html):
    """What in this HTML fragment could run script or send the visitor elsewhere."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.problems
