// Moved to server/pages/sub-groups.ts; kept only while the projects tab still imports it here.
export { loadSubGroup, type LoadedSubGroup } from "@/server/pages/sub-groups";
