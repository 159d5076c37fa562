"""The penugasan pages: thin views (`requests`, `maps`) over page reads (`*_page`)."""
