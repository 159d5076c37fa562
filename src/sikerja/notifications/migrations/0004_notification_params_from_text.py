"""Notifications stored before messages had keys: read their values back out of the Indonesian
text they were written in, so they too read in the reader's language.

A title or body that does not match its kind's Indonesian text keeps empty values and is shown
as stored. The English name of a step is not known from the text: such a notification names the
step in Indonesian in both languages.
"""

import re

from django.db import migrations

MONTHS = (
    "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
).split()
DATE = r"(?P<date>\d{1,2} \w+ \d{4})"
STEP_TITLES = {
    "step_opened": r"Menunggu keputusan Anda: (?P<step>.+)",
    "recommendation_requested": r"Rekomendasi diminta: (?P<step>.+)",
    "step_overdue": r"Melewati tenggat: (?P<step>.+)",
    "step_due_soon": rf"Tenggat {DATE}: (?P<step>.+)",
    "recommendation_reminder": r"Rekomendasi Anda ditunggu: (?P<step>.+)",
    "letter_copied": r"Tembusan: (?P<title>.+) nomor (?P<number>.+)",
}
BODIES = {
    "step_overdue": rf"Tenggat: {DATE}\. (?P<citation>.*)",
    "step_due_soon": rf"Tenggat: {DATE}\. (?P<citation>.*)",
    "recommendation_reminder": (
        r"(?P<name>.+) menunggu rekomendasi Anda untuk memutuskan\. (?P<citation>.*)"
    ),
}


def _iso(text):
    day, month, year = text.split(" ")
    return f"{int(year):04d}-{MONTHS.index(month) + 1:02d}-{int(day):02d}"


def params_of(kind, title, body):
    """The values of a notification's text, or {} when it does not read as its kind's text."""
    title_match = re.fullmatch(STEP_TITLES.get(kind, r"(?!)"), title, flags=re.DOTALL)
    body_match = re.fullmatch(BODIES.get(kind, r"(?P<citation>.*)"), body, flags=re.DOTALL)
    if title_match is None or body_match is None:
        return {}
    params = {**title_match.groupdict(), **body_match.groupdict()}
    if "date" in params:
        try:
            params["date"] = _iso(params["date"])
        except ValueError:
            return {}
    return params


def forwards(apps, schema_editor):
    notification_model = apps.get_model("notifications", "Notification")
    rows = notification_model.objects.filter(params={}).only("pk", "kind", "title", "body")
    for row in rows.iterator():
        params = params_of(row.kind, row.title, row.body)
        if params:
            notification_model.objects.filter(pk=row.pk).update(params=params)


class Migration(migrations.Migration):
    dependencies = [("notifications", "0003_notification_params")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
