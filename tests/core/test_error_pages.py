"""Outside DEBUG no traceback reaches a user: HTML pages get a plain error page."""

import pytest


@pytest.mark.django_db
def test_a_failing_page_is_a_plain_500_without_internals(client, settings):
    settings.ROOT_URLCONF = "tests.core.boom_urls"
    client.raise_request_exception = False
    response = client.get("/boom/")
    assert response.status_code == 500
    html = response.content.decode()
    assert "An internal error occurred." in html
    assert "secret" not in html and "Traceback" not in html
    assert response["X-Request-ID"]


@pytest.mark.django_db
def test_an_unknown_page_is_a_plain_404(client):
    response = client.get("/definitely/not/here/")
    assert response.status_code == 404
    assert "Not found." in response.content.decode()
