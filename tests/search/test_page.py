"""The server-rendered search page."""


def test_page_shows_highlighted_results(logged_in, user, other_user, make_task):
    make_task(user, title="Pay overdue invoice", description="<script>x</script> overdue")
    make_task(other_user, title="Not mine: overdue")
    response = logged_in.get("/search/", {"q": "overdue"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<mark>overdue</mark>" in html and "&lt;/script&gt;" in html and "<script>" not in html
    assert "Not mine" not in html


def test_page_reports_bad_queries(logged_in):
    response = logged_in.get("/search/", {"q": "x" * 600})
    assert response.status_code == 400 and "at most 500 characters" in response.content.decode()


def test_page_without_query_and_login_required(client, logged_in):
    assert logged_in.get("/search/").status_code == 200
    client.logout()
    assert client.get("/search/").status_code == 302
