"""mutualaid: anonymous mutual aid coordination with privacy promises kept in code."""
