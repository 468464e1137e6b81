import { Button, ErrorSummary, TextInput } from 'nhsuk-react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, type CombinedError } from 'urql';
import { PageHeading } from '../components/PageHeading.tsx';
import { graphql } from '../graphql.ts';
import { useResetClient } from '../session/ClientProvider.tsx';
import { safeReturnPath } from '../session/returnPath.ts';

export const LoginMutation = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      id
    }
  }
`);

type Field = 'email' | 'password';

interface FieldError {
  field: Field;
  message: string;
}

function requiredFieldErrors(email: string, password: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!email.trim()) errors.push({ field: 'email', message: 'Enter your email address' });
  if (!password) errors.push({ field: 'password', message: 'Enter your password' });
  return errors;
}

/** The server's own words: field problems for VALIDATION_FAILED, one message linked to email otherwise. */
function serverFieldErrors(error: CombinedError | undefined): FieldError[] {
  const errors: FieldError[] = [];
  for (const graphQLError of error?.graphQLErrors ?? []) {
    const { code, fields } = graphQLError.extensions as { code?: string; fields?: { path: string[]; message: string }[] };
    if (code === 'VALIDATION_FAILED' && fields?.length) {
      for (const { path, message } of fields) {
        errors.push({ field: path.at(-1) === 'password' ? 'password' : 'email', message });
      }
    } else {
      errors.push({ field: 'email', message: graphQLError.message });
    }
  }
  if (errors.length === 0) {
    errors.push({ field: 'email', message: 'Sorry, the service did not respond. Try again in a few minutes.' });
  }
  return errors;
}

export function SignInPage() {
  const [{ fetching }, login] = useMutation(LoginMutation);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const summary = useRef<HTMLDivElement>(null);
  const resetClient = useResetClient();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();

  useEffect(() => {
    if (errors.length > 0) summary.current?.focus();
  }, [errors]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');

    const missing = requiredFieldErrors(email, password);
    if (missing.length > 0) return setErrors(missing);

    const result = await login({ email: email.trim(), password });
    if (result.error || !result.data) return setErrors(serverFieldErrors(result.error));

    setErrors([]);
    resetClient();
    navigate(safeReturnPath(searchParams.get('returnTo')), { replace: true });
  }

  const errorFor = (field: Field) => errors.find((error) => error.field === field)?.message;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {errors.length > 0 && (
          <ErrorSummary ref={summary} tabIndex={-1} disableAutoFocus>
            <ErrorSummary.Title>There is a problem</ErrorSummary.Title>
            <ErrorSummary.List>
              {errors.map((error) => (
                <ErrorSummary.ListItem key={`${error.field}:${error.message}`} href={`#${error.field}`}>
                  {error.message}
                </ErrorSummary.ListItem>
              ))}
            </ErrorSummary.List>
          </ErrorSummary>
        )}
        <PageHeading documentTitle={errors.length > 0 ? 'Error: Sign in' : 'Sign in'}>Sign in</PageHeading>
        <form noValidate onSubmit={handleSubmit}>
          <TextInput
            id="email"
            name="email"
            type="email"
            label="Email address"
            autoComplete="username"
            spellCheck={false}
            error={errorFor('email')}
          />
          <TextInput
            id="password"
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            error={errorFor('password')}
          />
          <Button type="submit" disabled={fetching}>
            Sign in
          </Button>
        </form>
      </div>
    </div>
  );
}
