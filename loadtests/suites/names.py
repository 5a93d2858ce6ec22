"""Request names each suite reports under: the keys of budgets.toml."""

SEARCH = ("search rare word", "search common word", "search 2-4 words", "search phrase")
CACHE = (
    "page /tasks/ (cached summary)",
    "api summary (cached)",
    "api detail (cached)",
    "api detail (miss after write)",
    "api detail (hit after write)",
    "api update",
)
API = ("api list", "page /tasks/<id>/", "api create", "api update")
STATIC = ("static asset",)
LOGIN = ("login page", "login")
PROBE = ("healthz",)

NAMES_BY_SUITE = {
    "search": SEARCH,
    "cache": CACHE,
    "api": API,
    "static": STATIC,
    "login": LOGIN,
    "probe": PROBE,
}
