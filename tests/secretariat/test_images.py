"""Uploaded pictures are verified, stripped of metadata and resized once."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection, models
from django.template import Context, Template
from django.test.utils import isolate_apps
from PIL import Image

from secretariat.media.images import ResponsiveImageField

pytestmark = pytest.mark.django_db

GPS_IFD = 0x8825
ORIENTATION = 0x0112


@pytest.fixture
def picture_model():
    with isolate_apps("secretariat"):

        class Picture(models.Model):
            image = ResponsiveImageField(
                "image", folder="pictures", renditions_field="renditions", blank=True
            )
            renditions = models.JSONField(default=dict, blank=True, editable=False)

            class Meta:
                app_label = "secretariat"

            def __str__(self):
                return self.image.name

        with connection.schema_editor() as editor:
            editor.create_model(Picture)
        yield Picture


def jpeg(size=(1200, 800), *, gps=False, orientation=None, name="IMG_2041 (Kalle).JPG"):
    image = Image.new("RGB", size, (30, 120, 90))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    if gps:
        exif[GPS_IFD] = {1: "N", 2: (59.0, 19.0, 48.0), 3: "E", 4: (18.0, 4.0, 7.0)}
    if orientation:
        exif[ORIENTATION] = orientation
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")


def test_upload_gets_a_generated_name_no_metadata_and_renditions(picture_model):
    upload = jpeg(gps=True)
    assert Image.open(io.BytesIO(upload.read())).getexif().get_ifd(GPS_IFD)
    upload.seek(0)

    picture = picture_model.objects.create(image=upload)

    assert re.fullmatch(r"pictures/\d{4}/[0-9a-f]{20}\.jpg", picture.image.name)
    with default_storage.open(picture.image.name) as stored, Image.open(stored) as image:
        assert image.size == (1200, 800)
        assert not image.getexif()
    assert picture.renditions["source"] == picture.image.name
    assert (picture.renditions["width"], picture.renditions["height"]) == (1200, 800)
    assert sorted(picture.renditions["webp"], key=int) == ["480", "960"]
    rendition = picture.renditions["webp"]["480"]
    with default_storage.open(rendition) as stored, Image.open(stored) as image:
        assert image.format == "WEBP"
        assert image.size == (480, 320)


def test_a_validated_upload_can_still_be_saved(picture_model):
    # As the admin does: full_clean() checks the picture, then save() stores it.
    picture = picture_model(image=jpeg())

    picture.full_clean()
    picture.save()

    assert picture.renditions["source"] == picture.image.name


def test_a_sideways_phone_picture_is_turned_upright(picture_model):
    picture = picture_model.objects.create(image=jpeg(size=(800, 600), orientation=6))
    assert (picture.renditions["width"], picture.renditions["height"]) == (600, 800)


def test_renditions_are_made_once_not_on_every_save(picture_model):
    picture = picture_model.objects.create(image=jpeg())
    first = dict(picture.renditions)
    picture.save()
    picture.refresh_from_db()
    assert picture.renditions == first


def test_a_file_already_in_storage_gets_its_renditions(picture_model):
    # What an import does: point the field at a stored file.
    buffer = io.BytesIO()
    Image.new("RGB", (1000, 500), "white").save(buffer, "PNG")
    name = default_storage.save("pictures/imported.png", ContentFile(buffer.getvalue()))

    picture = picture_model.objects.create(image=name)

    assert picture.renditions["source"] == name
    assert list(picture.renditions["webp"]) == ["480", "960"]


def test_clearing_the_picture_clears_its_renditions(picture_model):
    picture = picture_model.objects.create(image=jpeg())
    picture.image = None
    picture.save()
    assert picture.renditions == {}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<?php echo 'hello'; ?>", "inte en bild som vi kan läsa"),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 200, "inte en bild som vi kan läsa"),
    ],
)
def test_a_file_that_is_not_a_picture_is_refused_with_a_reason(picture_model, content, message):
    picture = picture_model(image=SimpleUploadedFile("photo.jpg", content))
    with pytest.raises(ValidationError, match=message):
        picture.full_clean()
    assert not default_storage.exists("pictures")


def test_other_formats_are_refused(picture_model):
    buffer = io.BytesIO()
    Image.new("RGB", (10, 10)).save(buffer, "GIF")
    picture = picture_model(image=SimpleUploadedFile("a.gif", buffer.getvalue()))
    with pytest.raises(ValidationError, match="JPEG-, PNG- eller WebP"):
        picture.full_clean()


def test_limits_on_bytes_and_pixels(picture_model, settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000
    with pytest.raises(ValidationError, match="1200 gånger 900 pixlar"):
        picture_model(image=jpeg(size=(1200, 900))).full_clean()

    settings.IMAGE_MAX_BYTES = 200
    with pytest.raises(ValidationError, match="för stor"):
        picture_model(image=jpeg(size=(100, 100))).full_clean()


def test_the_template_tag_offers_renditions_with_fixed_proportions(picture_model):
    picture = picture_model.objects.create(image=jpeg())
    html = Template(
        "{% load images %}{% responsive_image p.image p.renditions alt=text sizes='50vw' %}"
    ).render(Context({"p": picture, "text": "Två personer vid ett bord <script>"}))

    assert html.startswith("<picture>")
    assert 'sizes="50vw"' in html
    assert f"{picture.image.url} " not in html  # the original is the fallback only
    assert re.search(r'srcset="/media/pictures/\d{4}/\w+-480w\.webp 480w, \S+ 960w"', html)
    assert 'width="1200" height="800"' in html
    assert 'alt="Två personer vid ett bord &lt;script&gt;"' in html


def test_the_template_tag_renders_nothing_without_a_picture(picture_model):
    html = Template("{% load images %}{% responsive_image p.image p.renditions %}").render(
        Context({"p": picture_model()})
    )
    assert html == ""
