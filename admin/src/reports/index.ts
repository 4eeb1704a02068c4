import ReportIcon from '@mui/icons-material/Description';
import { ReportCreate } from './ReportCreate';
import { ReportEdit } from './ReportEdit';
import { ReportList } from './ReportList';
import { ReportShow } from './ReportShow';

export default {
  list: ReportList,
  show: ReportShow,
  edit: ReportEdit,
  create: ReportCreate,
  icon: ReportIcon,
  recordRepresentation: 'title',
};
