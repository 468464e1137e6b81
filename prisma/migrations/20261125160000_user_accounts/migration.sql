-- Accounts a workforce lead creates or resets sign in with a temporary password, which they must replace first.

-- AlterTable
ALTER TABLE "User" ADD COLUMN "passwordChangeRequired" BOOLEAN NOT NULL DEFAULT false;
