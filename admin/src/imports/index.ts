import ImportIcon from '@mui/icons-material/UploadFile';
import { ImportPage } from './ImportPage';

// A resource only for its page: the menu entry "Importeren" and the route /imports.
export default {
  list: ImportPage,
  icon: ImportIcon,
};
