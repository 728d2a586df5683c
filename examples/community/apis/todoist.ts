/**
 * Todoist's unified API v1 (https://developer.todoist.com/api/v1/), under
 * `/todoist/api/v1/...`: projects and tasks with string ids, lists as `{
 * results, next_cursor }` (`limit`, `cursor`), `POST /projects` and `POST
 * /tasks` with JSON bodies, `POST /tasks/:id/close` answering 204. A bearer
 * token is required.
 */
import { API_KEY, bearer, copy, json, matchPath, text, type Api, type ApiRequest } from '../simulator.ts';

const USER = '50011234';
const CREATED = '2026-11-02T09:00:00.000000Z';

function project(id: string, name: string, order: number, fields: Record<string, unknown> = {}) {
  return {
    id,
    can_assign_tasks: false,
    child_order: order,
    color: 'charcoal',
    creator_uid: USER,
    created_at: CREATED,
    is_archived: false,
    is_deleted: false,
    is_favorite: false,
    is_frozen: false,
    name,
    updated_at: CREATED,
    view_style: 'list',
    default_order: 0,
    description: '',
    public_key: '',
    access: { visibility: 'restricted', configuration: {} },
    role: 'CREATOR',
    parent_id: null,
    inbox_project: false,
    is_collapsed: false,
    is_shared: false,
    ...fields,
  };
}

function task(id: string, projectId: string, content: string, order: number, fields: Record<string, unknown> = {}) {
  return {
    user_id: USER,
    id,
    project_id: projectId,
    section_id: null,
    parent_id: null,
    added_by_uid: USER,
    assigned_by_uid: null,
    responsible_uid: null,
    labels: [],
    deadline: null,
    duration: null,
    checked: false,
    is_deleted: false,
    added_at: CREATED,
    completed_at: null as string | null,
    updated_at: CREATED,
    due: null,
    priority: 1,
    child_order: order,
    content,
    description: '',
    note_count: 0,
    day_order: -1,
    is_collapsed: false,
    ...fields,
  };
}

const PROJECTS = [project('6Jf8VQXxpwv56VQ7', 'Inbox', 0, { inbox_project: true }), project('6Jf8VQXxpwv56VQ8', 'Garden', 1, { color: 'lime_green', is_favorite: true, description: 'Beds, seeds and the shed' })];
const TASKS = [
  task('6X7rM8997g3RQmvh', '6Jf8VQXxpwv56VQ8', 'Order seed potatoes', 1, { labels: ['shopping'], priority: 3 }),
  task('6X7rfFVPjhvv84XG', '6Jf8VQXxpwv56VQ8', 'Fix the shed door', 2, { description: 'The hinge, not the lock', note_count: 1 }),
  task('6X7rfEVP8hvv25ZQ', '6Jf8VQXxpwv56VQ7', 'Call the plumber', 1),
];

/** `{ results, next_cursor }`: the cursor is the index of the next page's first item. */
function page<T>(request: ApiRequest, all: T[]) {
  const limit = Number(request.query.get('limit') ?? 50);
  const from = Number(request.query.get('cursor') ?? 0);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200 || !Number.isInteger(from) || from < 0) return json({ error: 'Invalid argument value', error_code: 20, http_code: 400, error_tag: 'INVALID_ARGUMENT_VALUE' }, 400);
  return json({ results: all.slice(from, from + limit), next_cursor: from + limit < all.length ? String(from + limit) : null });
}

function notFound() {
  return json({ error: 'Not found', error_code: 478, error_extra: {}, error_tag: 'NOT_FOUND', http_code: 404 }, 404);
}

/** The JSON body, or undefined for anything that is not a JSON object. */
function body(request: ApiRequest): Record<string, unknown> | undefined {
  try {
    const parsed: unknown = JSON.parse(request.body);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const INVALID = { error: 'Required argument is missing', error_code: 19, http_code: 400, error_tag: 'ARGUMENT_MISSING' };

export const todoist: Api = {
  prefix: 'todoist',
  create() {
    const projects = copy(PROJECTS);
    const tasks = copy(TASKS);
    return (request) => {
      if (bearer(request.headers) !== API_KEY) return text('Forbidden', 401);
      const { method, path } = request;
      if (path === '/api/v1/projects' && method === 'GET') return page(request, projects);
      if (path === '/api/v1/projects' && method === 'POST') {
        const fields = body(request);
        if (typeof fields?.name !== 'string' || !fields.name) return json(INVALID, 400);
        const made = project(`6Jf8VQXxpwv5N${String(projects.length).padStart(3, '0')}`, fields.name, projects.length, typeof fields.description === 'string' ? { description: fields.description } : {});
        projects.push(made);
        return json(made);
      }
      if (path === '/api/v1/tasks' && method === 'GET') {
        const projectId = request.query.get('project_id');
        return page(request, tasks.filter((each) => !each.checked && (projectId === null || each.project_id === projectId)));
      }
      if (path === '/api/v1/tasks' && method === 'POST') {
        const fields = body(request);
        if (typeof fields?.content !== 'string' || !fields.content) return json(INVALID, 400);
        const projectId = typeof fields.project_id === 'string' ? fields.project_id : projects[0]!.id;
        const made = task(`6X7rN${String(tasks.length).padStart(11, '0')}`, projectId, fields.content, tasks.length + 1, typeof fields.description === 'string' ? { description: fields.description } : {});
        tasks.push(made);
        return json(made);
      }
      const close = matchPath('/api/v1/tasks/:id/close', path);
      if (close && method === 'POST') {
        const found = tasks.find((each) => each.id === close.id);
        if (!found) return notFound();
        found.checked = true;
        found.completed_at = '2026-12-04T12:00:00.000000Z';
        return { status: 204, text: '' };
      }
      const one = matchPath('/api/v1/:kind/:id', path);
      if (one && method === 'GET') {
        const found = one.kind === 'projects' ? projects.find((each) => each.id === one.id) : one.kind === 'tasks' ? tasks.find((each) => each.id === one.id) : undefined;
        return found ? json(found) : notFound();
      }
      return notFound();
    };
  },
};
