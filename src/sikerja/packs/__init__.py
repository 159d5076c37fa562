"""The installed regulation packs as the running product sees them: `manage.py packs` and the
start-up checks that stop Sikerja on a broken pack (the packs themselves are `regulations`)."""
