"""gunicorn's configuration for `make serve` (`gunicorn -c python:sikerja.config.gunicorn`).

Read from the environment like the settings: SIKERJA_BIND (address:port or unix:/path),
SIKERJA_WORKERS (processes; about two per CPU core), SIKERJA_WORKER_TIMEOUT (seconds).
"""

import os

bind = [os.environ.get("SIKERJA_BIND", "127.0.0.1:8000")]
workers = int(os.environ.get("SIKERJA_WORKERS", "2"))
timeout = int(os.environ.get("SIKERJA_WORKER_TIMEOUT", "60"))
graceful_timeout = 30
# A worker is replaced after this many requests (with jitter), bounding any slow leak.
max_requests = 5000
max_requests_jitter = 500
# The application's own JSON logs go to stderr; gunicorn's error log joins them there. The
# access log is the reverse proxy's (docs/production.md).
errorlog = "-"
# No control socket in the user's home: several servers (or a service user without a home)
# would contend for it, and systemd's reload (HUP) is the control used here.
control_socket_disable = True
accesslog = None
# X-Forwarded-* are read by Django from trusted proxies only (SIKERJA_TRUSTED_PROXIES); gunicorn
# believes them from the proxies listed here (its default: 127.0.0.1).
forwarded_allow_ips = os.environ.get("SIKERJA_TRUSTED_PROXIES", "127.0.0.1") or "127.0.0.1"
