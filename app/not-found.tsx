import { Link } from "@/components/ui/link";
import { PageHeader } from "@/components/ui/page-header";
import { paths } from "@/lib/paths";

export default function NotFound() {
  return (
    <>
      <PageHeader
        title="Page not found"
        lead="We could not find that page, or you do not have access to it. If you typed the address, check it is correct."
      />
      <Link href={paths.home()}>Go to your partnerships</Link>
    </>
  );
}
