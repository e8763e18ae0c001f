/**
 * Host configs close to Teams' own light and dark themes, so that cards are rendered in tests the way a
 * Teams user sees them (Segoe UI stack, Teams' colours, Action.Execute support, schema 1.5). The `good` and
 * `accent` container styles (confirmations, status) are those of Microsoft's published Teams host configs
 * (microsoft/AdaptiveCards samples/HostConfig): light backgrounds with dark text in both themes. Without them
 * the renderer fell back to its own defaults, and the dark screenshots could not be trusted.
 */
const base = {
  fontFamily: "'Segoe UI', system-ui, -apple-system, 'Helvetica Neue', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1 },
  fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline' },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
    iconPlacement: 'leftOfTitle',
  },
  containerStyles: {} as Record<string, unknown>,
};

function colours(fg: string, subtle: string, accent: string, attention: string, warning: string, good: string) {
  const c = (d: string, s: string) => ({ default: d, subtle: s });
  return {
    default: c(fg, subtle),
    dark: c('#252424', '#484644'),
    light: c('#ffffff', '#fff9'),
    accent: c(accent, accent),
    good: c(good, good),
    warning: c(warning, warning),
    attention: c(attention, attention),
  };
}

/** Text on the pale good and accent backgrounds, in either theme, as Teams' host configs give it. */
const onPale = (fg: string) => colours(fg, '#bf252424', '#6264a7', '#c4314b', '#f8d22a', '#92c353');

export const teamsLight = {
  ...base,
  containerStyles: {
    default: {
      backgroundColor: '#ffffff',
      foregroundColors: colours('#242424', '#616161', '#5b5fc7', '#c4314b', '#835c00', '#237b4b'),
    },
    emphasis: {
      backgroundColor: '#f5f5f5',
      foregroundColors: colours('#242424', '#616161', '#5b5fc7', '#c4314b', '#835c00', '#237b4b'),
    },
    attention: {
      backgroundColor: '#fcf4f6',
      foregroundColors: colours('#242424', '#616161', '#5b5fc7', '#c4314b', '#835c00', '#237b4b'),
    },
    warning: {
      backgroundColor: '#fbf6d9',
      foregroundColors: colours('#242424', '#616161', '#5b5fc7', '#c4314b', '#835c00', '#237b4b'),
    },
    good: { backgroundColor: '#ccffcc', foregroundColors: onPale('#252424') },
    accent: { backgroundColor: '#c7def9', foregroundColors: onPale('#252424') },
  },
};

export const teamsDark = {
  ...base,
  containerStyles: {
    default: {
      backgroundColor: '#292929',
      foregroundColors: colours('#ffffff', '#c7c7c7', '#7f85f5', '#f9526b', '#f2e384', '#92c353'),
    },
    emphasis: {
      backgroundColor: '#1f1f1f',
      foregroundColors: colours('#ffffff', '#c7c7c7', '#7f85f5', '#f9526b', '#f2e384', '#92c353'),
    },
    attention: {
      backgroundColor: '#3e1f25',
      foregroundColors: colours('#ffffff', '#c7c7c7', '#7f85f5', '#f9526b', '#f2e384', '#92c353'),
    },
    warning: {
      backgroundColor: '#463100',
      foregroundColors: colours('#ffffff', '#c7c7c7', '#7f85f5', '#f9526b', '#f2e384', '#92c353'),
    },
    good: { backgroundColor: '#ccffcc', foregroundColors: onPale('#201f1f') },
    accent: { backgroundColor: '#c7def9', foregroundColors: onPale('#201f1f') },
  },
};
