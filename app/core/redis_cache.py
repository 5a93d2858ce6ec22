"""Django's Redis cache backend (it speaks Valkey's protocol), keeping its redis-py clients.

Django's RedisCacheClient builds a new `redis.Redis` for every cache call, and each one fills a
table of ~170 response callbacks before it sends anything: about 0.1 ms of CPU per call, several
calls per request (session, signed-in user, cached values), measured with cProfile on the load
test's cached reads. A client over a connection pool is safe to share, so one per pool is kept.
"""

from typing import Any

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, Any] = {}

    def get_client(self, key: Any = None, *, write: bool = False) -> Any:
        pool = self._get_connection_pool(write)  # type: ignore[attr-defined]
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)  # type: ignore[attr-defined]
        return client


class ValkeyCache(RedisCache):
    def __init__(self, server: Any, params: dict[str, Any]) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
