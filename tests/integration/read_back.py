"""Reads back what ddci wrote with readers that owe nothing to ddci, and says
whether each parsed: a Word file's XML parts (Python's XML parser), an
iCalendar file (icalendar: its events), an HTML page (html.parser), a
spreadsheet (openpyxl: its cells). Prints JSON: {path: {"ok": bool, ...}}."""

import json
import sys
import zipfile
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

out = {}
for path in sys.argv[1:]:
    try:
        if path.endswith(".docx"):
            with zipfile.ZipFile(path) as archive:
                text = []
                for name in archive.namelist():
                    if name.endswith(".xml") or name.endswith(".rels"):
                        root = ElementTree.fromstring(archive.read(name))
                        if name == "word/document.xml":
                            text = [node.text or "" for node in root.iter() if node.tag.endswith("}t")]
            out[path] = {"ok": True, "text": "".join(text)}
        elif path.endswith(".ics"):
            import icalendar

            with open(path, "rb") as file:
                calendar = icalendar.Calendar.from_ical(file.read())
            events = [str(event.get("summary")) for event in calendar.walk("VEVENT")]
            out[path] = {"ok": True, "events": len(events), "summaries": events}
        elif path.endswith(".html"):

            class Collect(HTMLParser):
                def __init__(self):
                    super().__init__()
                    self.text = []

                def handle_data(self, data):
                    self.text.append(data)

            parser = Collect()
            with open(path, encoding="utf-8") as file:
                parser.feed(file.read())
            parser.close()
            out[path] = {"ok": True, "text": "".join(parser.text)}
        elif path.endswith(".xlsx"):
            import openpyxl

            workbook = openpyxl.load_workbook(path)
            cells = [
                str(cell.value)
                for sheet in workbook.worksheets
                for row in sheet.iter_rows()
                for cell in row
                if cell.value is not None
            ]
            out[path] = {"ok": True, "text": "\n".join(cells)}
    except Exception as error:  # a reader's refusal is the finding
        out[path] = {"ok": False, "error": repr(error)}
json.dump(out, sys.stdout, ensure_ascii=False)
