"""Small readers of rendered pages for the web tests."""

from __future__ import annotations

import re
from html import unescape

from django.test.client import Client

HREF = re.compile(r'href="([^"]*)"')
NIP_LIKE = re.compile(r"\d{18}")


def section(html: str, role: str) -> str:
    """The HTML of one role card (data-role="...") of the employee page."""
    match = re.search(rf'<section[^>]*data-role="{role}"[^>]*>(.*?)</section>', html, re.DOTALL)
    assert match is not None, f"no {role} card"
    return match.group(1)


def text(html: str) -> str:
    """The text of an HTML fragment, tags removed and whitespace collapsed."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def body(client: Client, url: str) -> str:
    """GET a page that must answer 200 and return its HTML."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def hrefs(html: str) -> list[str]:
    return HREF.findall(html)
