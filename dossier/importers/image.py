"""Photos and scans (JPEG, PNG, TIFF, HEIC): capture time and device; GPS raised as a warning."""

from __future__ import annotations

import warnings as python_warnings
from pathlib import Path

from pi_heif import register_heif_opener
from PIL import ExifTags, Image, UnidentifiedImageError

from dossier.errors import ImportRefused
from dossier.i18n import t
from dossier.images import page_count
from dossier.importers.base import Extracted
from dossier.importers.heif_structure import heif_problem
from dossier.importers.jpeg_structure import jpeg_problem

register_heif_opener()
_MAX_JPEG_CHECK_BYTES = 256 * 1024 * 1024

GPS_WARNING = (
    "This image records the GPS position where it was taken. It can expose a witness or a "
    "hiding place: the position is removed from every exported copy."
)


class ImageImporter:
    def extract(self, path: Path, password: str | None = None) -> Extracted:
        with open(path, "rb") as handle:
            head = handle.read(12)
        is_jpeg = head[:3] == b"\xff\xd8\xff" and path.stat().st_size <= _MAX_JPEG_CHECK_BYTES
        if is_jpeg and (problem := jpeg_problem(path.read_bytes())):
            raise ImportRefused(
                t(
                    '"{file}" is a damaged JPEG ({problem}), so it cannot be imported as '
                    "evidence. Find an undamaged copy.",
                    file=path.name,
                    problem=problem,
                )
            )
        is_heif = head[4:8] == b"ftyp"  # an ISO base media file: HEIC, HEIF, AVIF
        if is_heif and (problem := heif_problem(path)):
            # libheif decodes a cut-off photo without a word, its missing part grey.
            raise ImportRefused(
                t(
                    '"{file}" is a damaged HEIC photo ({problem}), so it cannot be imported as '
                    "evidence. Find an undamaged copy.",
                    file=path.name,
                    problem=problem,
                )
            )
        try:
            with python_warnings.catch_warnings():
                python_warnings.simplefilter("error", Image.DecompressionBombWarning)
                with Image.open(path) as image:
                    image.load()  # decodes every pixel: a truncated file fails here
                    exif = image.getexif()
                    size = image.size
                    pages = page_count(image)
                    for page in range(1, pages):  # every page of a scanner's TIFF decodes
                        image.seek(page)
                        image.load()
        except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
            raise ImportRefused(
                t('"{file}" is too large an image to open safely.', file=path.name)
            ) from error
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise ImportRefused(
                t(
                    '"{file}" is a damaged or incomplete image, so it cannot be imported.',
                    file=path.name,
                )
            ) from error
        suggestions: dict[str, str] = {"pixels": f"{size[0]}×{size[1]}"}
        sub = exif.get_ifd(ExifTags.IFD.Exif)
        taken = sub.get(ExifTags.Base.DateTimeOriginal) or exif.get(ExifTags.Base.DateTime)
        if isinstance(taken, str) and len(taken) >= 10:
            suggestions["capture_time"] = taken.strip()
            suggestions["date_created"] = taken[:10].replace(":", "-")
        device = " ".join(
            str(exif.get(tag)).strip("\x00 ")
            for tag in (ExifTags.Base.Make, ExifTags.Base.Model)
            if exif.get(tag)
        )
        if device:
            suggestions["device"] = device
        warnings = []
        gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
        if gps.get(ExifTags.GPS.GPSLatitude) and gps.get(ExifTags.GPS.GPSLongitude):
            warnings.append(GPS_WARNING)
            suggestions["gps"] = "present"
        return Extracted(pages=[""] * pages, suggestions=suggestions, warnings=warnings)
