"""A generation counter that goes missing (evicted, or lost with a Valkey restart that reloaded
an older snapshot) never starts again at a value it held before: a value stored beside that old
generation would be served again, without the writes made since."""

from django.core.cache import cache

from app.core.cache import CacheKind, Generation

PAGE = CacheKind("page", ttl=60)


def test_a_write_after_the_counter_was_lost_never_serves_the_old_page():
    gen = Generation("lost")
    gen.current("owner")
    gen.bump("owner")  # a write
    assert PAGE.get_or_set_in_generation(gen, "owner", compute=lambda: "old") == "old"
    cache.delete(gen.key("owner"))  # evicted, or lost with a restart
    gen.bump("owner")  # the next write
    assert PAGE.get_or_set_in_generation(gen, "owner", compute=lambda: "new") == "new"


def test_a_read_after_the_counter_was_lost_never_serves_the_old_page():
    gen = Generation("lost-read")
    assert PAGE.get_or_set_in_generation(gen, "owner", compute=lambda: "old") == "old"
    cache.delete(gen.key("owner"))
    gen.current("owner")  # a reader starts the counter again
    assert PAGE.get_or_set_in_generation(gen, "owner", compute=lambda: "new") == "new"
