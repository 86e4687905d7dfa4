"""A broker outage, for real: Celery publishes to an address where nothing listens."""

from contextlib import contextmanager

# Port 1 on this machine: the connection is refused at once, as when Redis is down.
UNREACHABLE_BROKER = "redis://127.0.0.1:1/0"


@contextmanager
def unreachable_broker():
    """Within this block every task is published to UNREACHABLE_BROKER and fails as in an
    outage, even where tasks otherwise run in-process. A worker already listening on the
    real broker goes on listening; publishing works again after the block."""
    from clinic.celery import app

    conf = app.conf
    saved = (conf.task_always_eager, conf.broker_write_url, app._pool, app.amqp._producer_pool)
    conf.task_always_eager = False
    conf.broker_write_url = UNREACHABLE_BROKER
    # Pools are made on first use from the broker address; new ones are made for this one.
    app._pool = app.amqp._producer_pool = None
    try:
        yield
    finally:
        for pool in (app.amqp._producer_pool, app._pool):
            if pool is not None:
                pool.force_close_all()
        conf.task_always_eager, conf.broker_write_url, app._pool, app.amqp._producer_pool = saved
