"""Reads an iCalendar file with Python's icalendar package, a parser that owes
nothing to ddci, and prints its events as JSON for the calendar test."""

import json
import sys

import icalendar

with open(sys.argv[1], "rb") as file:
    calendar = icalendar.Calendar.from_ical(file.read())

events = []
for event in calendar.walk("VEVENT"):
    alarms = event.walk("VALARM")
    events.append(
        {
            "uid": str(event.get("uid")),
            "summary": str(event.get("summary")),
            "start": event.get("dtstart").dt.isoformat(),
            "end": event.get("dtend").dt.isoformat(),
            "dtstamp": event.get("dtstamp").dt.isoformat(),
            "alarm": str(alarms[0].get("trigger").dt) if alarms else None,
            "calscale": str(calendar.get("calscale")),
        }
    )
json.dump(events, sys.stdout, ensure_ascii=False)
