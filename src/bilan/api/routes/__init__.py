"""HTTP routes: each module parses, calls the store or the pipeline, and returns typed bodies."""
