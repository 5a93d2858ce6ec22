import pytest

from tests.observability.collector import Collector


@pytest.fixture
def collector():
    c = Collector()
    yield c
    c.close()
