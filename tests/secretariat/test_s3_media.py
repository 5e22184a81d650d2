"""Media in an S3 bucket, end to end, against a real S3-compatible server on loopback.

Uploads through the admin land in the bucket with their renditions; a replaced
or deleted picture leaves the bucket (and the media folder, with local
storage); ``backup`` packs the bucket's files and ``restore`` puts them back;
and a production server with ``MEDIA_STORAGE=s3`` allows the bucket in its CSP
and names its pictures by whole addresses, once.
"""

import io
import re
import tarfile
import urllib.request
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image
from storages.backends.s3 import S3Storage

from events.models import Person
from secretariat.operations.backups import BackupError, backup, restore
from secretariat.settings.env import s3_media_origin

from .test_settings import production_env, run_manage


def jpeg(colour=(30, 120, 90), size=(1200, 800)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, "JPEG")
    return buffer.getvalue()


def upload(colour=(30, 120, 90)):
    return SimpleUploadedFile("porträtt.jpg", jpeg(colour), content_type="image/jpeg")


@pytest.fixture(params=["s3", "local"])
def stored_files(request, settings, db):
    """``stored_files()``: the names of the files in the media storage, either kind."""
    if request.param == "s3":
        bucket = request.getfixturevalue("s3_bucket")
        server = request.getfixturevalue("s3_server")
        return lambda: server.keys(bucket)
    root = Path(settings.MEDIA_ROOT)
    return lambda: sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())


def add_person_through_the_admin(staff_client, picture):
    response = staff_client.post(
        "/admin/events/person/add/",
        {"name": "Bjørn Ødegård", "slug": "bjorn-odegard", "photo": picture, "photo_alt": "Bjørn"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Person.objects.get(slug="bjorn-odegard")


def test_an_upload_through_the_admin_lands_in_the_storage_with_its_renditions(
    staff_client, stored_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = add_person_through_the_admin(staff_client, upload())

    renditions = person.photo_renditions
    assert stored_files() == sorted([person.photo.name, *renditions["webp"].values()])
    assert re.fullmatch(r"people/\d{4}/[0-9a-f]{20}\.jpg", person.photo.name)
    assert sorted(renditions["webp"]) == ["480", "960"]


def test_a_replaced_or_deleted_picture_leaves_the_storage_with_its_renditions(
    staff_client, stored_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = add_person_through_the_admin(staff_client, upload())
    first = stored_files()

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            f"/admin/events/person/{person.pk}/change/",
            {"name": person.name, "slug": person.slug, "photo": upload((200, 40, 40))}
            | {"photo_alt": "Bjørn, ny bild"},
        )
    assert response.status_code == 302
    person.refresh_from_db()
    second = stored_files()
    assert not set(first) & set(second)
    assert second == sorted([person.photo.name, *person.photo_renditions["webp"].values()])

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(f"/admin/events/person/{person.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert stored_files() == []


def test_a_change_that_is_rolled_back_deletes_nothing(
    stored_files, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        person = Person.objects.create(name="Åsa", photo=upload(), photo_alt="Åsa")
    before = stored_files()
    # The test's transaction is never committed: nothing that waits for a commit runs.
    person.delete()
    assert stored_files() == before


@pytest.mark.django_db(transaction=True)
def test_backup_packs_the_bucket_and_restore_puts_it_back(s3_server, s3_bucket, tmp_path):
    person = Person.objects.create(name="Ærø Hamnkontor", photo=upload(), photo_alt="Hamnen")
    keys = s3_server.keys(s3_bucket)
    contents = {key: s3_server.read(s3_bucket, key) for key in keys}
    assert len(keys) == 3  # The picture and two renditions.

    folder = backup(tmp_path / "backups")
    with tarfile.open(folder / "media.tar.gz") as archive:
        assert sorted(archive.getnames()) == keys
    assert f"S3 bucket {s3_bucket}" in (folder / "backup.json").read_text()

    # The bucket is lost; a new server restores into an empty database and bucket.
    s3_server.empty(s3_bucket)
    empty_database = {**connection.settings_dict, "NAME": f"{connection.settings_dict['NAME']}_s3"}
    try:
        recreate(empty_database)
        restore(folder, database=empty_database)
        restored = {key: s3_server.read(s3_bucket, key) for key in s3_server.keys(s3_bucket)}
        assert restored == contents
        # A bucket with files is not overwritten without --force.
        recreate(empty_database)
        with pytest.raises(BackupError, match=f"S3 bucket {s3_bucket}.* not empty"):
            restore(folder, database=empty_database)
    finally:
        recreate(empty_database, drop_only=True)
    assert person.photo.name in keys


def recreate(database, drop_only=False):
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')
        if not drop_only:
            cursor.execute(f'CREATE DATABASE "{database["NAME"]}"')


PUBLISH_WITH_PICTURE = """
import io
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from articles.models import Article
buffer = io.BytesIO()
Image.new("RGB", (1200, 800), (30, 120, 90)).save(buffer, "JPEG")
article = Article(title="Hamnen på Ærø", slug="hamnen-pa-aero", lead="Kort.",
                  status=Article.Status.PUBLISHED, image_alt="Hamnen i Ærøskøbing",
                  image=SimpleUploadedFile("hamn.jpg", buffer.getvalue()))
article.save()
from tests.factories import EventFactory
EventFactory(title="Upphandlingsdag i Tromsø")
print(article.get_absolute_url())
print(article.image.url)
"""


def test_a_production_server_shows_pictures_from_the_bucket(production_site, s3_server, s3_bucket):
    public = "https://kansliet.example.org"
    with production_site(SITE_URL=public, **s3_server.environment(s3_bucket)) as site:
        path, image_url = site.manage("shell", "-c", PUBLISH_WITH_PICTURE).stdout.split()[-2:]
        origin = s3_server.endpoint
        assert image_url.startswith(f"{origin}/{s3_bucket}/articles/")

        page = site.fetch(path)
        assert page.status == 200
        img_src = re.search(r"img-src ([^;]+)", page.headers["Content-Security-Policy"])[1]
        assert img_src.split() == ["'self'", "data:", origin]
        assert f'<meta property="og:image" content="{image_url}">' in page.text
        assert f'"image": "{image_url}"' in page.text  # JSON-LD
        assert f'src="{image_url}"' in page.text
        with urllib.request.urlopen(image_url, timeout=10) as picture:  # noqa: S310 (loopback)
            assert picture.headers["Content-Type"] == "image/jpeg"

        # Feeds and calendars: every address is whole, at SITE_URL, with one origin.
        for feed in ("/aktuellt/rss/", "/aktuellt/atom/", "/evenemang/kalender.ics"):
            answer = site.fetch(feed)
            assert answer.status == 200, feed
            links = re.findall(r"https?://[^\s<\"]+", answer.text)
            assert not [link for link in links if link.count("://") > 1]
            assert not [link for link in links if "example.com" in link]
        feed = site.fetch("/aktuellt/rss/").text
        assert f"<link>{public}{path}</link>" in feed
        assert f"URL:{public}/evenemang/" in site.fetch("/evenemang/kalender.ics").text


@pytest.mark.parametrize(
    "where",
    [
        {"endpoint_url": "http://127.0.0.1:9000"},
        {"endpoint_url": "https://s3.example.org", "custom_domain": "bilder.example.org"},
        {"region_name": "eu-north-1"},
        {},
    ],
    ids=["endpoint", "custom domain", "aws region", "aws"],
)
def test_the_csp_names_the_origin_the_storage_gives_pictures(where):
    keys = {"access_key": "a", "secret_key": "b"}
    storage = S3Storage(bucket_name="kansliet-media", querystring_auth=False, **keys, **where)
    origin = s3_media_origin(
        "kansliet-media", where.get("endpoint_url"), where.get("custom_domain")
    )
    assert storage.url("bilder/2026/ø.webp").startswith(f"{origin}/")


def test_production_settings_add_the_bucket_to_img_src(s3_server):
    show_csp = "from django.conf import settings; print(*settings.SECURE_CSP['img-src'])"
    s3 = s3_server.environment("media") | {"AWS_S3_CUSTOM_DOMAIN": "bilder.example.org"}
    env = production_env(**s3)
    result = run_manage("shell", "-v", "0", "-c", show_csp, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["'self'", "data:", "https://bilder.example.org"]
