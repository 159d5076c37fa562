"""The organisation pages: thin views (`requests`, `transfer`) over page reads (`*_page`, `pages`)."""
