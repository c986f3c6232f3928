import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { PersonalizationData } from '../api/types';
import { personalization } from '../test/fixtures';
import { PersonalizationPanel } from './PersonalizationPanel';

const data = (o: Record<string, unknown> = {}) => personalization(o) as PersonalizationData;

function draw(props: Partial<Parameters<typeof PersonalizationPanel>[0]> = {}) {
  const onSave = vi.fn().mockResolvedValue('saved');
  const onReload = vi.fn().mockResolvedValue(undefined);
  const onClose = vi.fn();
  const announce = vi.fn();
  const view = render(
    <PersonalizationPanel
      data={data()}
      conflict={false}
      error={null}
      onSave={onSave}
      onReload={onReload}
      onClose={onClose}
      announce={announce}
      {...props}
    />,
  );
  return { onSave, onReload, onClose, announce, ...view };
}

const order = () =>
  screen.getAllByRole('checkbox').map((c) => c.closest('li')?.getAttribute('data-key'));

describe('PersonalizationPanel', () => {
  it('takes focus, and reorders by keyboard with focus kept on the moved row', async () => {
    const { announce } = draw();
    expect(screen.getByRole('heading', { name: 'Customize your page' })).toHaveFocus();
    const down = screen.getByRole('button', { name: 'Move Statistics down' });
    down.focus();
    await userEvent.keyboard('{Enter}');
    expect(order()).toEqual(['actions', 'statistics', 'activity', 'system']);
    expect(screen.getByRole('button', { name: 'Move Statistics down' })).toHaveFocus();
    expect(announce).toHaveBeenCalledWith('Statistics moved to position 2 of 4.');
    await userEvent.click(screen.getByRole('button', { name: 'Move Statistics up' }));
    expect(order()).toEqual(['statistics', 'actions', 'activity', 'system']);
    // At the top the up button is off, so focus moves to its neighbour.
    expect(screen.getByRole('button', { name: 'Move Statistics up' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Move Statistics down' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Move System down' })).toBeDisabled();
  });

  it('reorders by dragging', () => {
    draw();
    const rows = screen.getAllByRole('listitem');
    fireEvent.dragStart(rows[3]!);
    fireEvent.dragOver(rows[0]!);
    fireEvent.drop(rows[0]!);
    expect(order()).toEqual(['system', 'statistics', 'actions', 'activity']);
  });

  it('saves theme, density, order and visibility, then closes', async () => {
    const { onSave, onClose } = draw({ data: data({ layout: { order: ['statistics', 'actions'], hidden: ['system'] } }) });
    expect(screen.getByRole('checkbox', { name: 'Show System' })).not.toBeChecked();
    await userEvent.click(screen.getByRole('radio', { name: 'Dark' }));
    await userEvent.click(screen.getByRole('radio', { name: 'Compact' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show Actions' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show System' }));
    await userEvent.click(screen.getByRole('button', { name: 'Move System up' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith({
      theme: 'DARK',
      density: 'COMPACT',
      sectionOrder: ['statistics', 'system', 'actions'],
      hiddenSections: ['actions'],
    });
    expect(onClose).toHaveBeenCalled();
  });

  it('explains a conflict and loads the saved version, which the form then shows', async () => {
    const { onSave, onClose, onReload, rerender } = draw();
    onSave.mockResolvedValue('conflict');
    await userEvent.click(screen.getByRole('radio', { name: 'Light' }));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onClose).not.toHaveBeenCalled();
    const props = { onSave, onReload, onClose, announce: vi.fn(), error: null };
    rerender(<PersonalizationPanel data={data()} conflict {...props} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('changed in another tab or on another device');
    expect(alert).toHaveFocus();
    await userEvent.click(within(alert).getByRole('button', { name: 'Load the saved version' }));
    expect(onReload).toHaveBeenCalled();
    rerender(<PersonalizationPanel data={data({ theme: 'DARK', version: 5 })} conflict={false} {...props} />);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
  });

  it('keeps the edits when a page merely arrives', async () => {
    const { rerender, onSave, onReload, onClose } = draw();
    await userEvent.click(screen.getByRole('radio', { name: 'Light' }));
    rerender(
      <PersonalizationPanel data={data({ theme: 'DARK' })} conflict={false} error={null} onSave={onSave} onReload={onReload} onClose={onClose} announce={vi.fn()} />,
    );
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
  });

  it('shows a refused save, and cancels', async () => {
    const { onClose } = draw({ error: 'Unknown section.' });
    expect(screen.getByRole('alert')).toHaveTextContent('Your preferences could not be saved: Unknown section.');
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled();
  });
});
