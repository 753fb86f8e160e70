"""GitHub glue for the action: runner files, the REST/GraphQL client, comments, plan and apply."""
