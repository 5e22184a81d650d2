"""The saved Joomla 4/5 API responses in ``tests/articles/joomla/`` and the pictures they name.

The documents are in the Web Services API's own format (JSON:API, as
``/api/index.php/v1/content/articles`` and the category, tag and user
collections serve it), with Swedish content written for these tests.
"""

import json
import shutil
from pathlib import Path

from PIL import Image

FOLDER = Path(__file__).parent / "joomla"
SITE = "https://gamla.kansliet.example/"
# Each just wider than a rendition width (480, 960), so each gets renditions, and
# no larger: making the renditions is most of an import's time in these tests.
PICTURES = {
    "nyheter/kod.jpg": ("JPEG", (1000, 500)),
    "nyheter/handskar.png": ("PNG", (500, 375)),
    "nyheter/fabriksgolv.jpg": ("JPEG", (600, 400)),
}


def make_images_folder(folder):
    """A copy of the old site's ``images/`` folder with the pictures the articles name."""
    for number, (name, (kind, size)) in enumerate(PICTURES.items()):
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (40 * number, 120, 90)).save(path, kind)
    return folder


def copy_documents(target, change=None):
    """The documents copied to ``target``; ``change(article_attributes_by_id)`` edits them."""
    shutil.copytree(FOLDER, target)
    if change is None:
        return target
    documents = {
        path: json.loads(path.read_text(encoding="utf-8"))
        for path in target.glob("articles-*.json")
    }
    change(
        {
            int(item["id"]): item["attributes"]
            for document in documents.values()
            for item in document["data"]
        }
    )
    for path, document in documents.items():
        path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return target
