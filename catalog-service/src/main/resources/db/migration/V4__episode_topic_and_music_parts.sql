-- What the show notes say beyond the columns of V1: the interview's topic ("today I'm interviewing
-- X about <topic>") and the music credit split into work, artist and license where the notes
-- allow it. All nullable: episodes created before keep working, and editors may leave them empty.
ALTER TABLE episode ADD COLUMN topic TEXT;
ALTER TABLE episode ADD COLUMN music_work TEXT;
ALTER TABLE episode ADD COLUMN music_artist TEXT;
ALTER TABLE episode ADD COLUMN music_license TEXT;
