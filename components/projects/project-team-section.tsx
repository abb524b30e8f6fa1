import { Section } from "@/components/ui/section";
import { TEAM_ROLE_SUFFIX } from "@/lib/role-labels";
import type { LoadedProject } from "@/server/pages/projects";
import { AddTeamMemberForm, ChangeProjectLeadForm, RemoveTeamMemberButton } from "./team-controls";

const labelOf = (person: { name: string; organisationName: string | null }) =>
  person.organisationName ? `${person.name}, ${person.organisationName}` : person.name;

/** Who is on the project, and, for those who may, adding, removing and changing the lead. */
export function TeamSection({ project }: { project: LoadedProject }) {
  const { viewer } = project;
  return (
    <Section id="team-heading" title="Team">
      <ul className="space-y-3">
        {project.team.map((member) => (
          <li key={member.userId}>
            <p className="font-semibold">
              {member.name}
              {TEAM_ROLE_SUFFIX[member.role]}
            </p>
            <p className="text-sm text-slate-700">{member.organisationName ?? "Individual"}</p>
            {viewer.canManageTeam && !member.isLead ? (
              <RemoveTeamMemberButton projectId={project.id} userId={member.userId} name={member.name} />
            ) : null}
          </li>
        ))}
      </ul>
      {viewer.canManageTeam ? (
        <AddTeamMemberForm projectId={project.id} />
      ) : null}
      {viewer.canChangeLead ? (
        <ChangeProjectLeadForm
          projectId={project.id}
          team={project.team.filter((member) => !member.isLead).map((member) => ({ userId: member.userId, label: labelOf(member) }))}
        />
      ) : null}
    </Section>
  );
}
