"""Logging filters that keep identifying request details out of application logs."""

import logging


class DropRequestMeta(logging.Filter):
    """Strip the request object from log records so no handler can print addresses or user agents."""

    def filter(self, record: logging.LogRecord) -> bool:
        if hasattr(record, "request"):
            record.request = None
        return True
