"""The domain: plain, synchronous Python with no web, storage or scheduler imports."""
