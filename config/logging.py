"""Log formats: the security log's lines start with their UTC time (2024-09-01T06:00:00Z)."""

import logging
import time


class UTCFormatter(logging.Formatter):
    converter = time.gmtime

    def __init__(self) -> None:
        super().__init__("%(asctime)sZ %(message)s", "%Y-%m-%dT%H:%M:%S")
