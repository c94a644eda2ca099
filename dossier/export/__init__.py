"""Court-ready export of a case: the PDF bundle and the editable DOCX narrative."""
