"""In-process CPU per request on the hot paths, against a bare Django view (the anchor).

    .venv/bin/python -m loadtests.profiling                 # CPU ms per request, ratio to anchor
    .venv/bin/python -m loadtests.profiling --profile detail-bearer tasks-page   # + cProfile tops

Production settings on this machine's PostgreSQL, Valkey/Redis and RabbitMQ (a database and a
cache db of its own), the load test's corpus (`manage.py seed_loadtest`), and each request made
the way Granian makes it: a WSGI environ handed to `app.wsgi.application`, the body read and
closed. CPU is `time.process_time()` over a warmed loop, so a busy neighbour inflates it far
less than it inflates req/s (the load average is printed beside it to compare runs).
"""
