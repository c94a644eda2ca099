"""Reading a page image with Tesseract, in memory: upright, straightened, recognised.

tesserocr (MIT) links libtesseract and takes the image as pixels in memory. pytesseract, the
other binding, runs the ``tesseract`` program on an image it first writes to a temporary file:
the page of a client's scan in plaintext on disk, which the threat model forbids. tesserocr
releases the GIL while it recognises, so two pages are read at once on two cores (measured in
bench/ocr_accuracy.py).
"""

from __future__ import annotations

import dataclasses
import math
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PIL import Image, ImageFilter, ImageStat

from dossier.errors import DossierError
from dossier.i18n import t
from dossier.text_fit import reads_as_words

ENGINE = "Tesseract"
_TESSDATA_PLACES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
)
# The document's language (as the user records it) → Tesseract's models, English always added:
# court papers quote Latin names (Kloop, INTERPOL) in Cyrillic text.
_MODELS = {"ru": "rus", "ky": "kir", "kk": "kaz", "en": "eng"}
# The sample read in each way the page might stand: a square a third of the page's width (at
# 300 dpi, 2.8 inches: eight to twelve lines of a letter, 0.1–0.25 s to read).
_SAMPLE_SHARE = 1 / 3
# Read the right way up, a sample of the test pages read at 59–94; turned over or a quarter
# the wrong way, at 30–51 (clean and worn, 200 and 300 dpi, four languages, measured): the
# way it stands must read this much better than the other way tried.
_TURN_MARGIN = 15.0
# Below this mean word confidence what was "read" is noise (a photo of a street, a stain):
# recorded as no text rather than as words nobody wrote. Scanned pages of text read at 80–95.
_TEXT_MIN_CONFIDENCE = 50.0  # below this Tesseract's orientation guess is noise (few letters)
_MAX_SKEW_DEGREES = 5.0
# Paper is lighter than this (a copy reduced fourfold averages a faint stroke with the paper
# round it, so only what is near white is taken for paper).
_PAPER_FROM = 245
_INK_MARGIN = 30  # pixels kept round the ink (a tenth of an inch at 300 dpi)
_MIN_SKEW_DEGREES = 0.2
# A reading at least this confident, of lines left to right that read as words, says the page
# stands upright (upright test pages read at 89–95; turned over, at 21–47, clean or worn, in
# their language's models or Russian's).
_UPRIGHT_CONFIDENCE = 75.0
_NO_LETTERS = "rus+eng"  # the languages said of a page with no letters to tell them by
_ANY_LANGUAGE = "kaz+kir+rus+eng"  # the models a page of unknown language is first read in


def skew_of(image: Image.Image) -> float:
    """The tilt of the text lines, in degrees (counter-clockwise positive, as PIL turns).

    Turned by the right angle, the lines lie level: each row of pixels is then either in a line
    of text or between two, so the rows' darkness varies most. Tried in quarter degrees within
    five either way on a copy an eighth of a 300-dpi page wide, then in twentieths around the
    best on one a quarter wide (one copy 700 pixels wide for both took 0.07 s a page, a fifth
    of reading it; the angles found are the same to a twentieth)."""
    gray = image if image.mode == "L" else image.convert("L")
    factor = max(1, round(gray.width / 700))
    small = (gray.reduce(factor) if factor > 1 else gray).point(
        lambda value: 255 if value < 160 else 0  # ink white, paper black
    )
    smaller = small.reduce(2)

    def spread(picture: Image.Image, degrees: float) -> float:
        turned = picture.rotate(degrees, resample=Image.Resampling.NEAREST, fillcolor=0)
        rows = turned.resize((1, turned.height), Image.Resampling.BOX)
        return float(ImageStat.Stat(rows).var[0])

    steps = [i / 4 for i in range(int(-_MAX_SKEW_DEGREES * 4), int(_MAX_SKEW_DEGREES * 4) + 1)]
    best = max(steps, key=lambda degrees: spread(smaller, degrees))
    if abs(best) >= _MAX_SKEW_DEGREES:  # no level lines within reach: not a page of text
        return 0.0
    fine = [best + i / 20 for i in range(-7, 8)]
    found: float = max(fine, key=lambda degrees: spread(small, degrees))
    return round(found, 2)


def ink_box(image: Image.Image) -> tuple[int, int, int, int] | None:
    """The part of the page with anything on it (left, top, right, bottom), a margin kept
    round it; None for a blank page.

    Tesseract spends time on paper: a page whose text fills its upper third read in 0.23 s
    cut to that third, 0.40 s whole; a page of text to its margins, 5–10 % faster cut (the
    same text read, measured). A page cut out of the scan reads as the whole does, since
    Tesseract finds its lines by the ink."""
    small = image.reduce(4).point(lambda value: 255 if value < _PAPER_FROM else 0)
    found = small.getbbox()
    if found is None:
        return None
    left, top, right, bottom = (edge * 4 for edge in found)
    return (
        max(0, left - _INK_MARGIN),
        max(0, top - _INK_MARGIN),
        min(image.width, right + _INK_MARGIN),
        min(image.height, bottom + _INK_MARGIN),
    )


def tessdata() -> Path:
    """Where the language data is: DOSSIER_TESSDATA, the packaged program's own, then the
    system's usual places (a place holding English's model, which every reading adds)."""
    from dossier.resources import ROOT

    for place in (os.environ.get("DOSSIER_TESSDATA"), str(ROOT / "tessdata"), *_TESSDATA_PLACES):
        if place and (Path(place) / "eng.traineddata").is_file():
            return Path(place)
    raise DossierError(
        t(
            "The text recognition data (Tesseract's languages) is not installed, so scans "
            "cannot be read. Reinstall Evidence Dossier."
        )
    )


def version() -> str:
    """ "Tesseract 5.5.4": recorded with each page read."""
    import tesserocr

    return f"{ENGINE} {tesserocr.tesseract_version().split()[1]}"


def installed_languages() -> list[str]:
    """The models in the language data, as Tesseract finds them: by their files' names (not
    asked of Tesseract, which the program's own process then never loads: scans are read in
    a child)."""
    found = {path.name.removesuffix(".traineddata") for path in tessdata().glob("*.traineddata")}
    # The orientation model (osd) is no language; a system may still have it installed.
    return sorted(found - {"osd"})


def models_for(language: str | None) -> str | None:
    """Tesseract's models for a document's language ("ru" → "rus+eng"); None when unknown."""
    if not language:
        return None
    model = _MODELS.get(language.split("-")[0].lower())
    if model is None:
        return None
    return model if model == "eng" else f"{model}+eng"


def check_languages(languages: str) -> str:
    """``rus+eng`` as given by the user: each must be installed."""
    wanted = [part.strip() for part in languages.split("+") if part.strip()]
    known = installed_languages()
    unknown = [part for part in wanted if part not in known]
    if not wanted or unknown:
        raise DossierError(
            t(
                'Text recognition knows these languages: {known}; "{given}" is not one of them.',
                known=", ".join(known),
                given=", ".join(unknown) or languages,
            )
        )
    return "+".join(wanted)


@dataclass(frozen=True)
class Word:
    text: str
    # Its box as fractions of the upright page (0,0 top left; 1,1 bottom right).
    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class PageReading:
    text: str
    confidence: float  # Tesseract's mean word confidence, 0–100
    languages: str
    rotation: int  # degrees the image was turned clockwise to stand upright: 0, 90, 180, 270
    skew: float  # degrees of tilt corrected
    words: list[Word] = field(default_factory=list)


def _as_scanned(
    box: tuple[int, int, int, int], skew: float, width: int, height: int
) -> tuple[float, float, float, float]:
    """A word's box in the levelled image, moved to where the word is on the tilted scan (the
    bundle shows the scan as it is): its centre turned back about the page's centre."""
    left, top, right, bottom = box
    if not skew:
        return left, top, right, bottom
    angle = math.radians(skew)
    cx, cy = width / 2, height / 2
    dx, dy = (left + right) / 2 - cx, (top + bottom) / 2 - cy
    x = cx + dx * math.cos(angle) - dy * math.sin(angle)
    y = cy + dx * math.sin(angle) + dy * math.cos(angle)
    half_w, half_h = (right - left) / 2, (bottom - top) / 2
    return x - half_w, y - half_h, x + half_w, y + half_h


def _words(
    api: Any, skew: float, width: int, height: int, offset: tuple[int, int] = (0, 0)
) -> list[Word]:
    """The words read, placed on the whole page (``offset``: where the part read lies)."""
    import tesserocr

    words = []
    iterator = api.GetIterator()
    level = tesserocr.RIL.WORD
    if iterator is not None:
        for word in tesserocr.iterate_level(iterator, level):
            try:
                found = word.GetUTF8Text(level)
            except RuntimeError:  # an empty block: no word in it
                continue
            box = word.BoundingBox(level)
            if not found or not found.strip() or box is None:
                continue
            x, y = offset
            on_page = (box[0] + x, box[1] + y, box[2] + x, box[3] + y)
            left, top, right, bottom = _as_scanned(on_page, skew, width, height)
            words.append(Word(found, left / width, top / height, right / width, bottom / height))
    return words


def _text_of(api: Any) -> str:
    try:
        return str(api.GetUTF8Text())
    except RuntimeError:  # tesserocr's way of saying the page has no text at all
        return ""


@dataclass(frozen=True)
class _Read:
    page: PageReading
    upright: bool  # the reading shows the page stands upright (see Reader._recognised)

    def with_rotation(self, rotation: int) -> _Read:
        return dataclasses.replace(self, page=dataclasses.replace(self.page, rotation=rotation))


def _lines_run_left_to_right(api: Any) -> bool:
    """Whether the recognised lines run left to right, one below the other (a page turned a
    quarter shows its lines running downwards)."""
    import tesserocr

    iterator = api.GetIterator()
    if iterator is None:
        return False
    _orientation, direction, order, _deskew = iterator.Orientation()
    del iterator
    return bool(
        direction == tesserocr.WritingDirection.LEFT_TO_RIGHT
        and order == tesserocr.TextlineOrder.TOP_TO_BOTTOM
    )


class Reader:
    """Reads pages in any number of threads: each thread has its own Tesseract instances (one
    is never used by two threads at once). ``close`` ends them all.

    A page's orientation is found with the same models that read it, not with Tesseract's
    orientation model: that one held 39 MB of its own (and 35–54 ms to load) on top of the
    two readers' memory, for the few pages of a scan that do not stand upright."""

    def __init__(self) -> None:
        self._local = threading.local()
        self._path = str(tessdata())
        self._all: list[Any] = []
        self._lock = threading.Lock()

    def _api(self, languages: str) -> Any:
        import tesserocr

        apis: dict[str, Any] = getattr(self._local, "apis", None) or {}
        self._local.apis = apis
        if languages not in apis:
            api = tesserocr.PyTessBaseAPI(path=self._path, lang=languages)
            apis[languages] = api
            with self._lock:
                self._all.append(api)
        return apis[languages]

    def close(self) -> None:
        with self._lock:
            for api in self._all:
                api.End()
            self._all.clear()
        self._local.apis = {}

    def upright(self, image: Image.Image, languages: str) -> tuple[Image.Image, int]:
        """The image turned to stand upright, and the degrees it was turned clockwise (0 when
        it stands as it is, or nothing tells).

        A square of the page where its ink is densest is read in ``languages`` as it stands;
        if its lines lie level, turned over too, else turned a quarter each way (Tesseract
        reads lines running downwards as well, so a page turned a quarter is told by the
        direction of its lines, not by its confidence). The page stands the way whose lines
        lie level and read better than the other way by a clear margin."""
        side = round(min(image.size) * _SAMPLE_SHARE)
        x, y = _densest(image, side)
        left = max(0, min(image.width - side, round(x - side / 2)))
        top = max(0, min(image.height - side, round(y - side / 2)))
        sample = image.crop((left, top, left + side, top + side))
        api = self._api(languages)
        as_it_stands = _sample_read(api, sample)
        if as_it_stands[1]:
            ways = {0: as_it_stands, 180: _sample_read(api, sample.rotate(180))}
        else:  # counter-clockwise, PIL's sense
            ways = {
                90: _sample_read(api, sample.rotate(90)),
                270: _sample_read(api, sample.rotate(270)),
            }
        (best, (confidence, level)), (_other, (other, _level)) = sorted(
            ways.items(), key=lambda way: way[1][0], reverse=True
        )
        if (
            best == 0
            or not level
            or confidence < _TEXT_MIN_CONFIDENCE
            or confidence < other + _TURN_MARGIN
        ):
            return image, 0
        return image.rotate(best, expand=True, fillcolor=255), (360 - best) % 360

    def straight(self, image: Image.Image) -> tuple[Image.Image, float]:
        """The image with its text lines made level (the tilt of a hand-fed scan).

        Turned with bilinear smoothing: bicubic took 0.19 s for a 300-dpi page, bilinear
        0.07, and Tesseract reads both as well (worn pages tilted −2…4°: the same characters
        wrong, 0–1 %, give or take one; unlevelled, a 3° tilt read at 61 %)."""
        degrees = skew_of(image)
        if abs(degrees) < _MIN_SKEW_DEGREES:
            return image, 0.0
        turned = image.rotate(
            degrees, expand=False, fillcolor=255, resample=Image.Resampling.BILINEAR
        )
        return turned, degrees

    def detect_languages(self, image: Image.Image) -> str:
        """For a document whose language is not recorded: Russian, Kyrgyz or Kazakh (by the
        share of their own letters, see language_guess), or English when the page is in
        Latin script."""
        import tesserocr

        from dossier import language_guess

        api = self._api(_ANY_LANGUAGE)
        api.SetPageSegMode(tesserocr.PSM.AUTO)
        _give(api, image)
        text = _text_of(api)
        api.Clear()
        letters = [c for c in text if c.isalpha()]
        if not letters:
            return _NO_LETTERS
        found = language_guess.guess(text)
        if found is None:  # too little to tell: by the script
            cyrillic = sum(1 for c in letters if "\u0400" <= c <= "\u04ff")
            return "rus+eng" if cyrillic >= len(letters) / 3 else "eng"
        return models_for(found) or "eng"

    def read(self, image: Image.Image, languages: str | None) -> PageReading:
        """The page read as it stands (levelled); turned upright and read again only if
        that reading says it does not stand upright. Turning every page upright first
        (Tesseract's layout analysis, 0.27 s a page) took as long as reading it, for the
        pages of a scan that nearly all stand upright already."""
        gray = image if image.mode == "L" else image.convert("L")  # no copy of a grey page
        level, skew = self.straight(gray)
        box = ink_box(level)
        if box is None:  # nothing on the page to read
            return PageReading("", 0.0, languages or _NO_LETTERS, 0, round(skew, 2), [])
        chosen = languages or self.detect_languages(level.crop(box))
        read = self._recognised(level, box, chosen, skew)
        if not read.upright:
            turned, rotation = self.upright(gray, languages or _ANY_LANGUAGE)
            if rotation:
                level, skew = self.straight(turned)
                box = ink_box(level) or (0, 0, *level.size)
                chosen = languages or self.detect_languages(level.crop(box))
                read = self._recognised(level, box, chosen, skew).with_rotation(rotation)
        return read.page

    def _recognised(
        self, level: Image.Image, box: tuple[int, int, int, int], chosen: str, skew: float
    ) -> _Read:
        """``level``'s part ``box`` read in ``chosen``'s models."""
        import tesserocr

        api = self._api(chosen)
        api.SetPageSegMode(tesserocr.PSM.AUTO)
        _give(api, level.crop(box))
        api.Recognize()
        text = _text_of(api)
        confidence = float(api.MeanTextConf())
        horizontal = _lines_run_left_to_right(api)
        # Its iterators gone before what they read.
        words = _words(api, skew, *level.size, offset=box[:2])
        # The page's results (60–75 MB) are not kept until the next page. (Giving freed
        # memory back to the system after each page, malloc_trim, saved 9 MB at the peak
        # and cost 12 % of the speed: not done.)
        api.Clear()
        # Upright: lines of words read left to right, read with confidence. A page turned a
        # quarter reads as lines running downwards; turned over, as noise (confidence under
        # 40 on the test pages, against 89–95 upright); words drawn from noise do not read
        # as a language's words.
        upright = horizontal and confidence >= _UPRIGHT_CONFIDENCE and reads_as_words(text)
        if not words or confidence < _TEXT_MIN_CONFIDENCE:
            empty = PageReading("", 0.0, chosen, 0, round(skew, 2), [])
            return _Read(empty, upright)
        page = PageReading(text.strip(), confidence, chosen, 0, round(skew, 2), words)
        return _Read(page, upright)


def _sample_read(api: Any, sample: Image.Image) -> tuple[float, bool]:
    """How confidently a sample of a page reads, and whether its lines lie level."""
    import tesserocr

    api.SetPageSegMode(tesserocr.PSM.AUTO)
    _give(api, sample)
    api.Recognize()
    read = float(api.MeanTextConf()), _lines_run_left_to_right(api)
    api.Clear()
    return read


def _densest(image: Image.Image, side: int) -> tuple[float, float]:
    """The middle of the square ``side`` pixels wide with the most ink in it: where the text
    is (a scanner's speckle is spread evenly over the page)."""
    step = 8
    ink = image.point(lambda value: 255 if value < 160 else 0).reduce(step)
    spread = ink.filter(ImageFilter.BoxBlur(max(1, side // step // 2)))
    most = spread.getextrema()[1]
    found = spread.point(lambda value: 255 if value >= most else 0).getbbox()
    if not most or found is None:
        return image.width / 2, image.height / 2
    left, top, right, bottom = found
    return (left + right) / 2 * step, (top + bottom) / 2 * step


def _give(api: Any, image: Image.Image) -> None:
    """A grey picture handed to Tesseract as its pixels.

    tesserocr's SetImage writes the picture as a BMP file in memory for Leptonica to read,
    with a palette and PIL's 96 dpi: two threads reading 20 pages rose 324–330 MB above the
    program, against 223–227 given the pixels (measured), with the same text read on every
    test page. Given no resolution, Tesseract estimates it from the size of the letters, as
    its command line does for a picture that does not say (a 96 dpi it was told before was
    wrong for every scan). Tesseract copies the pixels into its own picture at once
    (ImageThresholder::SetImage), so the bytes may go when this returns."""
    grey = image if image.mode == "L" else image.convert("L")
    api.SetImageBytes(grey.tobytes(), grey.width, grey.height, 1, grey.width)
