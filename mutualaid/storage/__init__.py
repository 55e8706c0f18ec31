"""Storage: the only package that imports Tortoise ORM."""
