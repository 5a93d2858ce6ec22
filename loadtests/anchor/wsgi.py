"""`granian --interface wsgi loadtests.anchor.wsgi:application`, as the kit's app.wsgi."""

import os
import sys

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "loadtests.anchor.settings")
sys.setswitchinterval(0.001)  # as app/wsgi.py: the same interpreter, or it is not an anchor

application = get_wsgi_application()
