-- Sign-in failure counts in the database, so that every API process counts the same attempts.

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "key" TEXT NOT NULL,
    "attemptTimes" BIGINT[],

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("key")
);
