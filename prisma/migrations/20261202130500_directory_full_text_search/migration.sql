-- Directory search matches words as English words ("carer" finds "carers", "volunteering"
-- finds "volunteer"), not as exact text. The documents are built by immutable functions so
-- that the GIN indexes below can be expression indexes and the search queries use them.

-- A person's searchable text: their name, job title and interests.
CREATE FUNCTION tandem_person_search_document(name text, job_title text, interests text[])
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig,
    coalesce(name, '') || ' ' || coalesce(job_title, '') || ' ' || coalesce(array_to_string(interests, ' '), ''))
$$;

-- An organisation's searchable text: its name and what it does.
CREATE FUNCTION tandem_organisation_search_document(name text, description text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT to_tsvector('english'::regconfig, coalesce(name, '') || ' ' || coalesce(description, ''))
$$;

CREATE INDEX "User_directory_search" ON "User"
  USING GIN (tandem_person_search_document("name", "jobTitle", "interests"));

CREATE INDEX "Organisation_directory_search" ON "Organisation"
  USING GIN (tandem_organisation_search_document("name", "description"));
