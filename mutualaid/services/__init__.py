"""Use cases: async functions that own their transactions and move counters with them."""
