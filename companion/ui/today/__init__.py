"""The Today screen: the body map, the check-in and today's plan."""
