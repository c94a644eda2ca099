"""E-mail messages (.eml): subject, sender, date, and the text of the message."""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage
from pathlib import Path

import trafilatura

from dossier.errors import ImportRefused
from dossier.i18n import t
from dossier.importers.base import Extracted


class EmailImporter:
    def extract(self, path: Path, password: str | None = None) -> Extracted:
        with open(path, "rb") as handle:
            message = email.message_from_binary_file(handle, policy=email.policy.default)
        if not isinstance(message, EmailMessage) or not message.keys():
            raise ImportRefused(t('"{file}" is not a readable e-mail message.', file=path.name))
        body = message.get_body(preferencelist=("plain", "html"))
        text = ""
        if body is not None:
            content = body.get_content()
            if body.get_content_subtype() == "html":
                content = trafilatura.extract(content) or ""
            text = str(content)
        header_lines = [f"{name}: {message[name]}" for name in ("From", "To", "Date", "Subject")
                        if message[name]]  # fmt: skip
        suggestions: dict[str, str] = {}
        if message["Subject"]:
            suggestions["title"] = str(message["Subject"])
        if message["From"]:
            suggestions["author"] = str(message["From"])
        if message["Date"]:
            try:
                sent = email.utils.parsedate_to_datetime(str(message["Date"]))
                suggestions["date_published"] = sent.date().isoformat()
            except (TypeError, ValueError):
                pass
        attachments = [part.get_filename() for part in message.iter_attachments()]
        warnings = []
        if attachments:
            names = ", ".join(name for name in attachments if name)
            warnings.append(f"Attachments are not imported with the message: {names}.")
        return Extracted(pages=["\n".join(header_lines) + "\n\n" + text],
                         suggestions=suggestions, warnings=warnings)  # fmt: skip
