"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { PersonCard } from "@/components/directory/person-card";
import { useTRPC, withApi } from "@/components/providers/trpc-provider";
import { Button } from "@/components/ui/button";
import { FormMessage, TextArea, TextField } from "@/components/ui/form";
import { fieldErrorsFromIssues, readApiError } from "@/lib/api-errors";
import { INDIVIDUAL_LABEL } from "@/lib/schemas/directory";
import {
  MAX_INTERESTS,
  normaliseInterest,
  splitInterests,
  updateProfileInput,
  type UpdateProfileInput,
} from "@/lib/schemas/profile";
import type { DirectoryPersonCard } from "@/server/domain/directory/shared-profile";
import { CheckboxChoice } from "./checkbox-choice";

type Values = {
  name: string;
  jobTitle: string;
  bio: string;
  interests: string;
  phone: string;
  listedInDirectory: boolean;
  showEmail: boolean;
  showPhone: boolean;
};

function toInput(values: Values): UpdateProfileInput {
  return { ...values, interests: splitInterests(values.interests) };
}

/** The first message for a field, including messages about one of its items (interests.3). */
function errorFor(fieldErrors: Record<string, string[]>, field: string): string | undefined {
  const key = Object.keys(fieldErrors).find((name) => name === field || name.startsWith(`${field}.`));
  return key ? fieldErrors[key]?.[0] : undefined;
}

/**
 * What the signed-in person shows in partnership directories, with a live preview of
 * exactly what other members will see (only the fields they choose to share).
 */
function ProfileForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const formId = useId();
  const { data: profile } = useSuspenseQuery(trpc.me.profile.queryOptions());
  const [values, setValues] = useState<Values>(() => ({
    name: profile.name ?? "",
    jobTitle: profile.jobTitle ?? "",
    bio: profile.bio ?? "",
    interests: profile.interests.join(", "),
    phone: profile.phone ?? "",
    listedInDirectory: profile.listedInDirectory,
    showEmail: profile.showEmail,
    showPhone: profile.showPhone,
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);

  const focusFirstError = () =>
    requestAnimationFrame(() =>
      document.getElementById(formId)?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
    );

  const mutation = useMutation(
    trpc.me.updateProfile.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.me.profile.queryKey(), saved);
        setValues((current) => ({ ...current, interests: saved.interests.join(", ") }));
        setFieldErrors({});
        setMessage({ tone: "success", text: "Your profile is saved." });
        router.refresh();
      },
      onError: (error) => {
        const view = readApiError(error);
        setFieldErrors(view?.fieldErrors ?? {});
        setMessage({ tone: "error", text: view?.message ?? "Your profile could not be saved. Please try again." });
        focusFirstError();
      },
    }),
  );

  const set = <K extends keyof Values>(key: K) => (value: Values[K]) => setValues((current) => ({ ...current, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toInput(values);
    const parsed = updateProfileInput.safeParse(input);
    setMessage(null);
    if (!parsed.success) {
      setFieldErrors(fieldErrorsFromIssues(parsed.error.issues));
      setMessage({ tone: "error", text: "Please check the highlighted fields." });
      focusFirstError();
      return;
    }
    setFieldErrors({});
    mutation.mutate(input);
  }

  const interests = [...new Set(splitInterests(values.interests).map(normaliseInterest))];
  const preview: DirectoryPersonCard = {
    userId: profile.id,
    name: values.name.trim() || null,
    jobTitle: values.jobTitle.trim() || null,
    organisation: profile.organisation
      ? { ...profile.organisation, inPartnership: false, verified: false }
      : null,
    organisationLabel: profile.organisation?.name ?? INDIVIDUAL_LABEL,
    locality: null,
    interests: interests.slice(0, MAX_INTERESTS),
    bio: values.bio.trim() || null,
    subGroups: [],
    ...(values.showEmail ? { email: profile.email } : {}),
    ...(values.showPhone && values.phone.trim() ? { phone: values.phone.trim() } : {}),
  };

  return (
    <div className="grid gap-8 lg:grid-cols-5">
      <form id={formId} onSubmit={onSubmit} noValidate className="space-y-5 lg:col-span-3">
        {message?.tone === "error" ? <FormMessage tone="error">{message.text}</FormMessage> : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          value={values.name}
          onChange={(event) => set("name")(event.target.value)}
          error={errorFor(fieldErrors, "name")}
          maxLength={100}
        />
        <TextField
          label="Job title (optional)"
          name="jobTitle"
          autoComplete="organization-title"
          value={values.jobTitle}
          onChange={(event) => set("jobTitle")(event.target.value)}
          error={errorFor(fieldErrors, "jobTitle")}
          maxLength={120}
        />
        <TextArea
          label="About you (optional)"
          name="bio"
          hint="A few sentences about what you do and what you would like to work on with others."
          value={values.bio}
          onChange={(event) => set("bio")(event.target.value)}
          error={errorFor(fieldErrors, "bio")}
          maxLength={1000}
        />
        <TextField
          label="Interests (optional)"
          name="interests"
          hint={`Up to ${MAX_INTERESTS}, separated by commas, for example: carers, dementia, young people. Others can find you by them.`}
          value={values.interests}
          onChange={(event) => set("interests")(event.target.value)}
          error={errorFor(fieldErrors, "interests")}
          autoComplete="off"
        />
        <TextField
          label="Phone number (optional)"
          name="phone"
          type="tel"
          autoComplete="tel"
          hint="Only shown if you tick “Show my phone number” below."
          value={values.phone}
          onChange={(event) => set("phone")(event.target.value)}
          error={errorFor(fieldErrors, "phone")}
          maxLength={40}
        />
        <fieldset className="space-y-3">
          <legend className="mb-2 text-lg font-semibold">What other members can see</legend>
          <CheckboxChoice
            name="listedInDirectory"
            label="List me in the directory of each partnership I am in"
            hint="Members search the directory to find people to work with. Untick to hide your card."
            checked={values.listedInDirectory}
            onChange={set("listedInDirectory")}
          />
          <CheckboxChoice
            name="showEmail"
            label="Show my email address"
            hint={`Members would see ${profile.email} on your card.`}
            checked={values.showEmail}
            onChange={set("showEmail")}
          />
          <CheckboxChoice
            name="showPhone"
            label="Show my phone number"
            checked={values.showPhone}
            onChange={set("showPhone")}
          />
        </fieldset>
        <div className="flex flex-wrap items-center gap-4">
          <Button type="submit" variant="primary" disabled={mutation.isPending}>
            {mutation.isPending ? "Saving…" : "Save profile"}
          </Button>
        </div>
        {message?.tone === "success" ? <FormMessage tone="success">{message.text}</FormMessage> : null}
      </form>

      <section aria-labelledby="profile-preview" className="lg:col-span-2">
        <h3 id="profile-preview" className="text-xl font-semibold">
          Preview: what members see
        </h3>
        <p className="mt-1 text-slate-700">
          {values.listedInDirectory
            ? "Your card in the directory of each partnership you are in, with what you have ticked to share."
            : "You are not listed, so this card is hidden from partnership directories."}
        </p>
        <div className="mt-3">
          <PersonCard person={preview} slug={null} headingLevel={4} showLocality={false} />
        </div>
      </section>
    </div>
  );
}

// Exported with the API client above, wherever rendered (components/providers/trpc-provider.tsx).
const ProfileFormWithApi = withApi(ProfileForm);
export { ProfileFormWithApi as ProfileForm };
