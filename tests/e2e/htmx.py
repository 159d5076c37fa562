"""Waiting for htmx in browser tests.

htmx binds the triggers of swapped-in content only when the swap settles (after its settle
delay, in a timer): until then the new elements carry ``htmx-added`` and an input event on them
is lost. A test that types into content htmx has just swapped in waits for the page to be idle
first, or it passes on a quiet machine and fails on a busy one.
"""

from __future__ import annotations

IDLE = (
    "() => document.readyState === 'complete' && window.htmx !== undefined"
    " && !document.querySelector('.htmx-request, .htmx-swapping, .htmx-settling, .htmx-added')"
)


def wait_until_idle(tab) -> None:
    """Wait until the page has loaded, htmx is bound and no request or swap is in flight."""
    tab.wait_for_function(IDLE)
