import { screen, waitFor } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import '@testing-library/jest-dom';

/** Clicks a wizard's forward button once it is enabled (it is disabled while a step is busy). */
export async function next(user: ReturnType<typeof userEvent.setup>, name = 'Next'): Promise<void> {
  await waitFor(() => expect(screen.getByRole('button', { name })).toBeEnabled(), { timeout: 10_000 });
  await user.click(screen.getByRole('button', { name }));
}
