"""asyncio: CPython 3.11's names on gilvm's event loop (Boost.Asio, see
runtime/event_loop.hpp). A package of frozen submodules."""
__path__ = []

from asyncio.exceptions import *
from asyncio.coroutines import *
from asyncio.events import *
from asyncio.futures import *
from asyncio.locks import *
from asyncio.queues import *
from asyncio.runners import *
from asyncio.tasks import *
from asyncio.timeouts import *
from asyncio.taskgroups import *
from asyncio.protocols import *
from asyncio.transports import *
from asyncio.selector_events import *
from asyncio.streams import *
from asyncio.subprocess import *
from asyncio import events, futures, tasks, locks, queues, runners, timeouts, exceptions, coroutines
from asyncio import protocols, transports, selector_events, streams, subprocess, unix_events, taskgroups

__all__ = (exceptions.__all__ + coroutines.__all__ + events.__all__ + futures.__all__ + locks.__all__ +
           queues.__all__ + runners.__all__ + tasks.__all__ + timeouts.__all__ + protocols.__all__ +
           transports.__all__ + selector_events.__all__ + streams.__all__ + subprocess.__all__ + taskgroups.__all__)
