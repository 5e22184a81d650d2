"""Gunicorn configuration for production and `make serve`.

Settings come from the environment: PORT (default 8000), BIND (overrides host
and port), WEB_CONCURRENCY (worker processes, default 2 x cores + 1 capped at 8),
GUNICORN_THREADS (default 1).
"""

import multiprocessing
import os

bind = os.environ.get("BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 8)))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
# Requests that take longer than this are killed: a slow database must not
# pile up workers. Slow clients are a proxy's job.
timeout = 30
graceful_timeout = 20
keepalive = 5
# Recycle workers now and then to keep memory flat. Each worker draws its own
# limit between max_requests and max_requests + jitter: with a jitter of about
# half of max_requests the workers' restarts spread over thousands of requests,
# so they never restart together and leave no worker to serve. (A jitter that
# is small next to max_requests, like 500 of 5,000, lets workers that share the
# load evenly reach their limits within moments of each other.)
max_requests = 2000
max_requests_jitter = 1000
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
wsgi_app = "secretariat.wsgi:application"
# Gunicorn 25+ opens a control socket in $HOME by default: one path shared by
# every instance on the machine (tests start several), and a way to resize or
# stop the server that nothing here uses.
control_socket_disable = True
