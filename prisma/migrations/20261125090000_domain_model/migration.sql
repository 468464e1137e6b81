-- The whole Analyst Pool domain model (DESIGN §3). Every tenant table carries "icsId".

-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('ICB', 'ACUTE_TRUST', 'MENTAL_HEALTH_TRUST', 'COMMUNITY_TRUST', 'AMBULANCE_TRUST', 'PRIMARY_CARE', 'LOCAL_AUTHORITY', 'SOCIAL_CARE', 'HOSPICE', 'VCSE');
CREATE TYPE "SizeBand" AS ENUM ('SMALL', 'MEDIUM', 'LARGE');
CREATE TYPE "SkillCategory" AS ENUM ('DATA_ENGINEERING', 'STATISTICS', 'MACHINE_LEARNING', 'VISUALISATION', 'HEALTH_ECONOMICS', 'POPULATION_HEALTH_MANAGEMENT', 'GEOSPATIAL', 'INFORMATION_GOVERNANCE', 'CHANGE_MANAGEMENT', 'OPERATIONAL_RESEARCH');
CREATE TYPE "AgendaForChangeBand" AS ENUM ('BAND_5', 'BAND_6', 'BAND_7', 'BAND_8A', 'BAND_8B', 'BAND_8C', 'BAND_8D', 'BAND_9');
CREATE TYPE "WorkPreference" AS ENUM ('REMOTE', 'ON_SITE', 'HYBRID');
CREATE TYPE "AnalystStatus" AS ENUM ('ACTIVE', 'LEFT');
CREATE TYPE "ProjectStatus" AS ENUM ('DRAFT', 'ACTIVE', 'COMPLETED', 'CANCELLED');
CREATE TYPE "RequestStatus" AS ENUM ('DRAFT', 'SUBMITTED', 'PARTIALLY_MATCHED', 'MATCHED', 'ACTIVE', 'COMPLETED', 'CANCELLED');
CREATE TYPE "RequestPriority" AS ENUM ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL');
CREATE TYPE "RequestSkillKind" AS ENUM ('REQUIRED', 'DESIRED');
CREATE TYPE "MatchingRunStatus" AS ENUM ('RUNNING', 'SUCCEEDED', 'FAILED', 'CONFIRMED');
CREATE TYPE "AllocationKind" AS ENUM ('STANDARD', 'DEVELOPMENT', 'MENTOR');
CREATE TYPE "AllocationStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'ACTIVE', 'COMPLETED', 'DECLINED', 'WITHDRAWN');
CREATE TYPE "Decision" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED', 'NOT_REQUIRED');
CREATE TYPE "Role" AS ENUM ('WORKFORCE_LEAD', 'ORGANISATION_LEAD', 'ANALYST');

-- CreateTable
CREATE TABLE "Ics" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "fairnessAlpha" DECIMAL(4,3) NOT NULL DEFAULT 0.4,
    "fairnessBeta" DECIMAL(4,3) NOT NULL DEFAULT 0.4,
    "fairnessGamma" DECIMAL(4,3) NOT NULL DEFAULT 0.2,
    "maxConcurrentRequests" INTEGER NOT NULL DEFAULT 3,
    "developmentShareCap" DECIMAL(3,2) NOT NULL DEFAULT 0.5,
    "requireReleaseApproval" BOOLEAN NOT NULL DEFAULT true,
    "homeRequestsDrawOnPool" BOOLEAN NOT NULL DEFAULT false,
    "planningHorizonWeeks" INTEGER NOT NULL DEFAULT 26,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Ics_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Ics_fairness_weights_check" CHECK ("fairnessAlpha" >= 0 AND "fairnessBeta" >= 0 AND "fairnessGamma" >= 0 AND "fairnessAlpha" + "fairnessBeta" + "fairnessGamma" = 1),
    CONSTRAINT "Ics_maxConcurrentRequests_check" CHECK ("maxConcurrentRequests" >= 1),
    CONSTRAINT "Ics_developmentShareCap_check" CHECK ("developmentShareCap" >= 0 AND "developmentShareCap" <= 1)
);

CREATE TABLE "Organisation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "odsCode" TEXT NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "sizeBand" "SizeBand" NOT NULL,
    "headcount" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Organisation_headcount_check" CHECK ("headcount" >= 0)
);

CREATE TABLE "Skill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "category" "SkillCategory" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Skill_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RoleProfile" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "band" "AgendaForChangeBand" NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RoleProfile_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "RoleProfileSkill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "roleProfileId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "level" INTEGER NOT NULL,

    CONSTRAINT "RoleProfileSkill_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RoleProfileSkill_level_check" CHECK ("level" BETWEEN 1 AND 4)
);

CREATE TABLE "Analyst" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "jobTitle" TEXT NOT NULL,
    "band" "AgendaForChangeBand" NOT NULL,
    "contractedFte" DECIMAL(3,2) NOT NULL,
    "pooledFte" DECIMAL(3,2) NOT NULL,
    "protectedDevelopmentShare" DECIMAL(3,2) NOT NULL DEFAULT 0.1,
    "workPreference" "WorkPreference" NOT NULL DEFAULT 'HYBRID',
    "sectorsOfInterest" "OrganisationKind"[],
    "targetRoleProfileId" UUID,
    "status" "AnalystStatus" NOT NULL DEFAULT 'ACTIVE',
    "leftAt" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Analyst_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Analyst_fte_check" CHECK ("contractedFte" > 0 AND "contractedFte" <= 1 AND "pooledFte" >= 0 AND "pooledFte" <= "contractedFte"),
    CONSTRAINT "Analyst_protectedDevelopmentShare_check" CHECK ("protectedDevelopmentShare" >= 0 AND "protectedDevelopmentShare" <= 1)
);

CREATE TABLE "AnalystSkill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "lastEvidencedAt" DATE,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "AnalystSkill_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AnalystSkill_level_check" CHECK ("level" BETWEEN 1 AND 4)
);

CREATE TABLE "Aspiration" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "targetLevel" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Aspiration_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Aspiration_targetLevel_check" CHECK ("targetLevel" BETWEEN 1 AND 4)
);

CREATE TABLE "Availability" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "startWeek" DATE NOT NULL,
    "endWeek" DATE NOT NULL,
    "availableFraction" DECIMAL(3,2) NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Availability_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Availability_weeks_check" CHECK ("endWeek" >= "startWeek"),
    CONSTRAINT "Availability_availableFraction_check" CHECK ("availableFraction" >= 0 AND "availableFraction" < 1)
);

CREATE TABLE "Project" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "purpose" TEXT NOT NULL,
    "expectedBenefit" TEXT NOT NULL DEFAULT '',
    "status" "ProjectStatus" NOT NULL DEFAULT 'DRAFT',
    "createdById" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "Request" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "projectId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "fte" DECIMAL(3,1) NOT NULL,
    "startWeek" DATE NOT NULL,
    "endWeek" DATE NOT NULL,
    "priority" "RequestPriority" NOT NULL DEFAULT 'MEDIUM',
    "openToDevelopment" BOOLEAN NOT NULL DEFAULT false,
    "status" "RequestStatus" NOT NULL DEFAULT 'DRAFT',
    "submittedAt" TIMESTAMPTZ(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Request_fte_check" CHECK ("fte" > 0 AND "fte" <= 1),
    CONSTRAINT "Request_weeks_check" CHECK ("endWeek" >= "startWeek")
);

CREATE TABLE "RequestSkill" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "kind" "RequestSkillKind" NOT NULL,
    "minLevel" INTEGER NOT NULL,

    CONSTRAINT "RequestSkill_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "RequestSkill_minLevel_check" CHECK ("minLevel" BETWEEN 1 AND 4)
);

CREATE TABLE "Interest" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Interest_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "MatchingRun" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "windowStart" DATE NOT NULL,
    "windowEnd" DATE NOT NULL,
    "policy" JSONB NOT NULL,
    "inputDigest" TEXT,
    "status" "MatchingRunStatus" NOT NULL DEFAULT 'RUNNING',
    "solverStats" JSONB,
    "metrics" JSONB,
    "baselineMetrics" JSONB,
    "error" TEXT,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),
    "confirmedAt" TIMESTAMPTZ(3),

    CONSTRAINT "MatchingRun_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MatchingRun_window_check" CHECK ("windowEnd" >= "windowStart")
);

CREATE TABLE "Allocation" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "fte" DECIMAL(3,1) NOT NULL,
    "startWeek" DATE NOT NULL,
    "endWeek" DATE NOT NULL,
    "kind" "AllocationKind" NOT NULL DEFAULT 'STANDARD',
    "status" "AllocationStatus" NOT NULL DEFAULT 'PROPOSED',
    "runId" UUID,
    "mentorAllocationId" UUID,
    "explanation" JSONB,
    "requesterDecision" "Decision" NOT NULL DEFAULT 'PENDING',
    "releaseDecision" "Decision" NOT NULL DEFAULT 'PENDING',
    "analystDecision" "Decision" NOT NULL DEFAULT 'PENDING',
    "declineReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Allocation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Allocation_fte_check" CHECK ("fte" > 0 AND "fte" <= 1),
    CONSTRAINT "Allocation_weeks_check" CHECK ("endWeek" >= "startWeek")
);

CREATE TABLE "Feedback" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "allocationId" UUID NOT NULL,
    "authorId" UUID,
    "rating" INTEGER NOT NULL,
    "comment" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Feedback_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "Feedback_rating_check" CHECK ("rating" BETWEEN 1 AND 5)
);

CREATE TABLE "SkillEvidence" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "analystId" UUID NOT NULL,
    "skillId" UUID NOT NULL,
    "fromLevel" INTEGER,
    "toLevel" INTEGER NOT NULL,
    "feedbackId" UUID,
    "evidencedById" UUID,
    "evidencedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkillEvidence_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "SkillEvidence_levels_check" CHECK ("toLevel" BETWEEN 1 AND 4 AND ("fromLevel" IS NULL OR "fromLevel" BETWEEN 1 AND 4))
);

CREATE TABLE "AuditEvent" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "actorId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditEvent_pkey" PRIMARY KEY ("id")
);

CREATE TABLE "User" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "organisationId" UUID,
    "analystId" UUID,
    "disabled" BOOLEAN NOT NULL DEFAULT false,
    "lastLoginAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id"),
    -- Sign-in matches emails exactly through the unique index, so they are stored in lower case.
    CONSTRAINT "User_email_lowercase_check" CHECK ("email" = lower("email"))
);

CREATE TABLE "Session" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "icsId" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Ics_code_key" ON "Ics"("code");
CREATE INDEX "Organisation_icsId_kind_idx" ON "Organisation"("icsId", "kind");
CREATE UNIQUE INDEX "Organisation_icsId_odsCode_key" ON "Organisation"("icsId", "odsCode");
CREATE UNIQUE INDEX "Organisation_icsId_name_key" ON "Organisation"("icsId", "name");
CREATE INDEX "Skill_icsId_category_idx" ON "Skill"("icsId", "category");
CREATE UNIQUE INDEX "Skill_icsId_name_key" ON "Skill"("icsId", "name");
CREATE UNIQUE INDEX "RoleProfile_icsId_name_key" ON "RoleProfile"("icsId", "name");
CREATE INDEX "RoleProfileSkill_skillId_idx" ON "RoleProfileSkill"("skillId");
CREATE UNIQUE INDEX "RoleProfileSkill_roleProfileId_skillId_key" ON "RoleProfileSkill"("roleProfileId", "skillId");
CREATE INDEX "Analyst_icsId_organisationId_idx" ON "Analyst"("icsId", "organisationId");
CREATE INDEX "Analyst_icsId_name_idx" ON "Analyst"("icsId", "name");
CREATE UNIQUE INDEX "Analyst_icsId_email_key" ON "Analyst"("icsId", "email");
CREATE INDEX "AnalystSkill_skillId_level_idx" ON "AnalystSkill"("skillId", "level");
CREATE UNIQUE INDEX "AnalystSkill_analystId_skillId_key" ON "AnalystSkill"("analystId", "skillId");
CREATE INDEX "Aspiration_skillId_idx" ON "Aspiration"("skillId");
CREATE UNIQUE INDEX "Aspiration_analystId_skillId_key" ON "Aspiration"("analystId", "skillId");
CREATE INDEX "Availability_analystId_startWeek_idx" ON "Availability"("analystId", "startWeek");
CREATE INDEX "Project_icsId_status_idx" ON "Project"("icsId", "status");
CREATE UNIQUE INDEX "Project_icsId_organisationId_title_key" ON "Project"("icsId", "organisationId", "title");
CREATE INDEX "Request_icsId_status_startWeek_idx" ON "Request"("icsId", "status", "startWeek");
CREATE UNIQUE INDEX "Request_projectId_title_key" ON "Request"("projectId", "title");
CREATE INDEX "RequestSkill_skillId_idx" ON "RequestSkill"("skillId");
CREATE UNIQUE INDEX "RequestSkill_requestId_skillId_key" ON "RequestSkill"("requestId", "skillId");
CREATE INDEX "Interest_requestId_idx" ON "Interest"("requestId");
CREATE UNIQUE INDEX "Interest_analystId_requestId_key" ON "Interest"("analystId", "requestId");
CREATE INDEX "MatchingRun_icsId_createdAt_idx" ON "MatchingRun"("icsId", "createdAt");
CREATE INDEX "Allocation_analystId_status_startWeek_idx" ON "Allocation"("analystId", "status", "startWeek");
CREATE INDEX "Allocation_requestId_status_idx" ON "Allocation"("requestId", "status");
CREATE INDEX "Allocation_icsId_status_startWeek_idx" ON "Allocation"("icsId", "status", "startWeek");
CREATE INDEX "Allocation_runId_idx" ON "Allocation"("runId");
CREATE UNIQUE INDEX "Feedback_allocationId_key" ON "Feedback"("allocationId");
CREATE INDEX "SkillEvidence_analystId_evidencedAt_idx" ON "SkillEvidence"("analystId", "evidencedAt");
CREATE INDEX "AuditEvent_icsId_createdAt_idx" ON "AuditEvent"("icsId", "createdAt");
CREATE INDEX "AuditEvent_icsId_entityType_entityId_idx" ON "AuditEvent"("icsId", "entityType", "entityId");
CREATE INDEX "AuditEvent_actorId_createdAt_idx" ON "AuditEvent"("actorId", "createdAt");
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
CREATE UNIQUE INDEX "User_analystId_key" ON "User"("analystId");
CREATE INDEX "User_icsId_role_idx" ON "User"("icsId", "role");
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");
CREATE INDEX "Session_userId_idx" ON "Session"("userId");
CREATE INDEX "Session_expiresAt_idx" ON "Session"("expiresAt");

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Skill" ADD CONSTRAINT "Skill_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoleProfile" ADD CONSTRAINT "RoleProfile_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoleProfileSkill" ADD CONSTRAINT "RoleProfileSkill_roleProfileId_fkey" FOREIGN KEY ("roleProfileId") REFERENCES "RoleProfile"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RoleProfileSkill" ADD CONSTRAINT "RoleProfileSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Analyst" ADD CONSTRAINT "Analyst_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Analyst" ADD CONSTRAINT "Analyst_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Analyst" ADD CONSTRAINT "Analyst_targetRoleProfileId_fkey" FOREIGN KEY ("targetRoleProfileId") REFERENCES "RoleProfile"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AnalystSkill" ADD CONSTRAINT "AnalystSkill_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AnalystSkill" ADD CONSTRAINT "AnalystSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Aspiration" ADD CONSTRAINT "Aspiration_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Aspiration" ADD CONSTRAINT "Aspiration_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Availability" ADD CONSTRAINT "Availability_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Project" ADD CONSTRAINT "Project_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Request" ADD CONSTRAINT "Request_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Request" ADD CONSTRAINT "Request_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestSkill" ADD CONSTRAINT "RequestSkill_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "RequestSkill" ADD CONSTRAINT "RequestSkill_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Interest" ADD CONSTRAINT "Interest_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "MatchingRun" ADD CONSTRAINT "MatchingRun_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_runId_fkey" FOREIGN KEY ("runId") REFERENCES "MatchingRun"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Allocation" ADD CONSTRAINT "Allocation_mentorAllocationId_fkey" FOREIGN KEY ("mentorAllocationId") REFERENCES "Allocation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_allocationId_fkey" FOREIGN KEY ("allocationId") REFERENCES "Allocation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "Feedback" ADD CONSTRAINT "Feedback_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SkillEvidence" ADD CONSTRAINT "SkillEvidence_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "SkillEvidence" ADD CONSTRAINT "SkillEvidence_skillId_fkey" FOREIGN KEY ("skillId") REFERENCES "Skill"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "SkillEvidence" ADD CONSTRAINT "SkillEvidence_feedbackId_fkey" FOREIGN KEY ("feedbackId") REFERENCES "Feedback"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "SkillEvidence" ADD CONSTRAINT "SkillEvidence_evidencedById_fkey" FOREIGN KEY ("evidencedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "AuditEvent" ADD CONSTRAINT "AuditEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_icsId_fkey" FOREIGN KEY ("icsId") REFERENCES "Ics"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "User" ADD CONSTRAINT "User_analystId_fkey" FOREIGN KEY ("analystId") REFERENCES "Analyst"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
