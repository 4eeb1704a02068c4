// A link may ask the initiative page to show one of its sections (`state.focus`: the budgets, the
// coverage), e.g. a gap's next step "Begroting 2027 invullen". The section may still be loading,
// so this waits for it a little, then scrolls to it and puts the cursor in its first empty field.
import { useEffect } from 'react';
import { useLocation } from 'react-admin';
import type { InitiativeFocus } from '../gaps/explainGap';

export interface FocusState {
  focus?: InitiativeFocus;
  /** the year the budget's "add" row starts with */
  budgetYear?: number;
}

export function useFocusState(): FocusState {
  const location = useLocation();
  return (location.state as FocusState | null) ?? {};
}

export function useFocusSection(): void {
  const location = useLocation();
  const { focus } = useFocusState();
  useEffect(() => {
    if (!focus) return undefined;
    let tries = 0;
    const timer = setInterval(() => {
      const section = document.querySelector<HTMLElement>(`[data-testid="${focus}"]`);
      tries += 1;
      if (!section && tries < 50) return;
      clearInterval(timer);
      if (!section) return;
      section.scrollIntoView({ block: 'start' });
      const input = focus === 'budgets' ? section.querySelector<HTMLInputElement>('[data-testid="budget-new"] input[name="amountCents"]') : null;
      input?.focus({ preventScroll: true });
    }, 100);
    return () => clearInterval(timer);
    // A new navigation (location.key) asks again, even to the same section.
  }, [focus, location.key]);
}
